package rds

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the RDS checks.
func Checks() []*check.Check {
	return []*check.Check{
		storageEncryption,
		publicAccess,
		backupRetention,
		iamAuthentication,
		deletionProtection,
		minorVersionUpgrade,
		performanceInsightsKey,
		logExports,
		tlsRequired,
		publicSnapshot,
		multiAZ,
		caCertificate,
	}
}
