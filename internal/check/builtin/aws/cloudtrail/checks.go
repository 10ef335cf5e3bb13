package cloudtrail

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the CloudTrail checks.
func Checks() []*check.Check {
	return []*check.Check{
		multiRegion,
		logFileValidation,
		kmsEncryption,
		cloudWatchDelivery,
		loggingDisabled,
		s3WriteEvents,
		s3ReadEvents,
	}
}

const trailDocs = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-create-and-update-a-trail.html"
