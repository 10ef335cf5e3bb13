package eks

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the EKS checks.
func Checks() []*check.Check {
	return []*check.Check{
		publicEndpoint,
		secretsEncryption,
		auditLogging,
		nodeGroupSSH,
		unsupportedVersion,
	}
}
