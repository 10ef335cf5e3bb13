package ssm

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the SSM checks.
func Checks() []*check.Check {
	return []*check.Check{
		plaintextSecret,
		secureStringCMK,
		publicDocument,
	}
}
