package kms

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the KMS checks.
func Checks() []*check.Check {
	return []*check.Check{
		rotation,
		publicKeyPolicy,
	}
}
