package iam

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the IAM checks.
func Checks() []*check.Check {
	return []*check.Check{
		passwordMinLength,
		passwordReuse,
		passwordUppercase,
		passwordLowercase,
		passwordNumbers,
		passwordSymbols,
		passwordMaxAge,
		fullAdmin,
		serviceWildcard,
		passRoleAll,
		userDirectPolicies,
		trustAnyone,
		trustOIDCWithoutSubject,
		trustCrossAccountNoExternalID,
		administratorAccess,
		accessKeyInState,
		loginProfileInState,
		sensitiveAllResources,
		canEscalate,
		adminEquivalent,
		roleUnused,
	}
}
