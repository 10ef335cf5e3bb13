// Package s3 holds the built-in checks on S3 buckets.
package s3
