// Package s3 holds the built-in checks on S3 buckets and the account-level
// S3 public access block.
//
// Buckets carry AWS's current defaults for settings the source leaves out
// (SSE-S3 encryption, all public access blocked, ACLs disabled), so a check
// fails on what the configuration does, not on what it omits and AWS already
// provides.
package s3
