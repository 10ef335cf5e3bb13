// Package checktest runs a check over fixture directories whose files state
// their expectations in `# want: ID` comments on the offending lines, the way
// Terraform's error-file tests do. Every check's tests use it.
//
// A package's fixtures live under its testdata directory, one directory of
// cases per check and one of cases shared by every check of the package:
//
//	testdata/
//	  AWS-S3-001/fail/main.tf                AWS-S3-001 alone runs over this case
//	  AWS-S3-001/pass/main.tf
//	  shared/blocked_public_access/main.tf   every check of the package runs over this case
//
// [Run] runs a check over each case directory under testdata/<ID>/ and
// testdata/shared/ and compares the lines of its failing findings with the
// `want:` markers naming that check; markers naming other checks are
// ignored, so a shared case names every check it expects to fail, e.g.
// `# want: AWS-S3-001, AWS-S3-004`, and expects no finding from the rest.
// Shared cases run as subtests named shared/<case>. Put a configuration in
// shared/ rather than copying it into several checks' directories, and only
// when every check of the package judges it as its markers say.
//
// Every check needs at least one case that expects a finding of it and one
// that expects none; shared cases count toward both.
//
// It is test infrastructure: it may import sources to build the model, and
// nothing but tests imports it.
package checktest
