package efs

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the EFS checks.
func Checks() []*check.Check {
	return []*check.Check{
		encryption,
		backup,
		secureTransport,
		publicPolicy,
	}
}
