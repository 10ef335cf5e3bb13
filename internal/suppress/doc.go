// Package suppress decides which findings are muted and tells users about
// their suppressions: inline comments in the scanned files (Vigil's own
// vigil:ignore, and tfsec:ignore, trivy:ignore and checkov:skip so that users
// migrating keep what they wrote), external ignore entries from the config
// file, and baselines (Baseline, written by `vigil baseline create`). Muted
// findings stay in the results with a check.Suppression saying why; they are
// never dropped. Expired, unused, malformed and unknown-check suppressions
// come back as warning diagnostics with the range of the suppression.
//
// It works on findings and on file text read through fs.FS. It imports
// model, check and config; never sources or parsers (comments are found by
// a small lexer of its own, so the HCL library stays in source/terraform),
// reports, app or cli.
package suppress
