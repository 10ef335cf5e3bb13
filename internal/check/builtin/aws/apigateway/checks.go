package apigateway

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the API Gateway checks.
func Checks() []*check.Check {
	return []*check.Check{
		accessLogging,
		tracing,
		cacheEncryption,
		noAuthorization,
		domainTLS,
	}
}
