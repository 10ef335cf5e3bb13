package ecr

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the ECR checks.
func Checks() []*check.Check {
	return []*check.Check{
		scanOnPush,
		mutableTags,
		customerKey,
		publicPolicy,
	}
}
