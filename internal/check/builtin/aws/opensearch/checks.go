package opensearch

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the OpenSearch checks.
func Checks() []*check.Check {
	return []*check.Check{
		atRestEncryption,
		nodeToNodeEncryption,
		enforceHTTPS,
		tlsPolicy,
		publicDomain,
		auditLogs,
		fineGrainedAccess,
	}
}
