// Package checktest runs a check over fixture directories whose files state
// their expectations in `# want: ID` comments on the offending lines, the way
// Terraform's error-file tests do. Every check's tests use it.
//
// It is test infrastructure: it may import sources to build the model, and
// nothing but tests imports it.
package checktest
