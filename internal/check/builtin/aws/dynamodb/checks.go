package dynamodb

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the DynamoDB checks.
func Checks() []*check.Check {
	return []*check.Check{
		pointInTimeRecovery,
		tableCustomerKey,
		daxAtRestEncryption,
		daxTransitEncryption,
		deletionProtection,
	}
}
