// Package kms holds the built-in checks on KMS keys.
package kms
