// Package terraform loads Terraform configurations from a file tree and
// evaluates them the way Terraform would before apply: variables, locals,
// count, for_each, dynamic blocks, expressions, the function library, local and
// downloaded modules. What cannot be known is left unknown, never guessed.
//
// It produces tfres resource instances and diagnostics. It imports model,
// tfres, hcl and go-cty; never checks, reports or provider adapters.
package terraform
