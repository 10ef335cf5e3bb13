package lambda

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the Lambda checks.
func Checks() []*check.Check {
	return []*check.Check{
		deprecatedRuntime,
		tracing,
		envSecrets,
		publicURL,
		servicePermission,
		publicPermission,
	}
}
