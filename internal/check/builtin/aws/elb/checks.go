package elb

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the ELB checks.
func Checks() []*check.Check {
	return []*check.Check{
		dropInvalidHeaders,
		httpListener,
		outdatedTLSPolicy,
		accessLogs,
		deletionProtection,
		desyncMitigation,
		classicHTTPListener,
		classicAccessLogs,
	}
}
