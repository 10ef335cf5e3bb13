package secretsmanager

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the Secrets Manager checks.
func Checks() []*check.Check {
	return []*check.Check{
		customerKey,
		rotation,
		publicPolicy,
	}
}
