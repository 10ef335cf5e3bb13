package elasticache

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the ElastiCache checks.
func Checks() []*check.Check {
	return []*check.Check{
		atRestEncryption,
		transitEncryption,
		authentication,
		backupRetention,
		customerKey,
	}
}
