package sqs

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the SQS checks.
func Checks() []*check.Check {
	return []*check.Check{
		queueNotEncrypted,
		queuePublicPolicy,
		queueAllActions,
		queueAWSManagedKey,
	}
}
