package neptune

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the Neptune checks.
func Checks() []*check.Check {
	return []*check.Check{
		storageEncryption,
		customerKey,
		auditLogs,
		iamAuth,
		backupRetention,
		deletionProtection,
		publicInstance,
	}
}
