package s3

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model/aws/s3"
)

var accessLogging = &check.Check{
	ID:       "AWS-S3-009",
	Slug:     "aws-s3-bucket-access-logging-disabled",
	Title:    "S3 bucket server access logging is not enabled",
	Provider: "aws",
	Service:  "s3",
	Severity: check.Medium,
	Description: "The bucket does not deliver server access logs. Buckets that receive other buckets' access logs are " +
		"not judged: logging a log bucket into itself loops.",
	Rationale: "Access logs record every request to the bucket, including anonymous and denied ones that CloudTrail data " +
		"events may not cover. Without them, who read or deleted which objects cannot be established after an incident.",
	Remediation: check.Remediation{
		Text: "Enable server access logging to a dedicated log bucket, or record S3 data events with CloudTrail.",
		Terraform: `resource "aws_s3_bucket_logging" "example" {
  bucket        = aws_s3_bucket.example.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "s3/example/"
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html"},
	Compliance: control.AuditLogging(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0089"},
		Tfsec:   []string{"aws-s3-enable-bucket-logging"},
		Checkov: []string{"CKV_AWS_18"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		targets := logTargets(in.AWS.S3.Buckets)
		for _, b := range in.AWS.S3.Buckets {
			if name, ok := b.BucketName.Get(); ok && targets[name] || isLogDeliveryACL(b) {
				continue
			}
			r.Judge(b.Resource, b.Logging.Enabled, false, "Bucket %s does not have server access logging enabled.", b.Name)
		}
	},
}

// logTargets returns the names of buckets that receive access logs.
func logTargets(buckets []*s3.Bucket) map[string]bool {
	out := map[string]bool{}
	for _, b := range buckets {
		if t, ok := b.Logging.TargetBucket.Get(); ok && t != "" && b.Logging.Enabled.Is(true) {
			out[t] = true
		}
	}
	return out
}

// isLogDeliveryACL reports whether the bucket's ACL lets the S3 log delivery
// group write to it, the legacy way to set up a log bucket.
func isLogDeliveryACL(b *s3.Bucket) bool {
	if b.ACL.Canned.Is("log-delivery-write") {
		return true
	}
	for _, g := range b.ACL.Grants {
		if g.GranteeURI.Is(s3.LogDeliveryGroup) {
			return true
		}
	}
	return false
}
