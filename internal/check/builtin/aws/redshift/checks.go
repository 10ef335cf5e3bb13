package redshift

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the Redshift checks.
func Checks() []*check.Check {
	return []*check.Check{
		encryption,
		customerKey,
		publicAccess,
		auditLogging,
		enhancedVPCRouting,
		requireSSL,
		subnetGroup,
	}
}
