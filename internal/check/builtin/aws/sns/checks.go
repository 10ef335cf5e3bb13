package sns

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the SNS checks.
func Checks() []*check.Check {
	return []*check.Check{
		topicNotEncrypted,
		topicAWSManagedKey,
		topicPublicPolicy,
		httpSubscription,
	}
}
