package backup

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the AWS Backup checks.
func Checks() []*check.Check {
	return []*check.Check{
		vaultCustomerKey,
		vaultLock,
		shortRetention,
		vaultPolicyDelete,
	}
}
