package cloudtrail

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
)

var multiRegion = &check.Check{
	ID:          "AWS-CLOUDTRAIL-001",
	Slug:        "aws-cloudtrail-not-multi-region",
	Title:       "CloudTrail trail does not record events in all regions",
	Provider:    "aws",
	Service:     "cloudtrail",
	Severity:    check.Medium,
	Description: "The trail records API activity in its home region only.",
	Rationale:   "Attackers favour regions nobody watches: instances started for crypto-mining or resources staged for exfiltration in an unused region leave no record in a single-region trail. A multi-region trail also covers regions AWS adds later.",
	Remediation: check.Remediation{
		Text: "Make the trail a multi-region trail.",
		Terraform: `resource "aws_cloudtrail" "example" {
  # ...
  is_multi_region_trail = true
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html",
	},
	Compliance: control.AuditLogging(check.Control{Framework: check.FrameworkCISAWS30, ID: "3.1"}),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0014"},
		Tfsec:   []string{"aws-cloudtrail-enable-all-regions"},
		Checkov: []string{"CKV_AWS_67"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, t := range in.AWS.CloudTrail.Trails {
			r.Judge(t.Resource, t.MultiRegion, false, "Trail %s records events in its home region only.", t.Name)
		}
	},
}

var logFileValidation = &check.Check{
	ID:          "AWS-CLOUDTRAIL-002",
	Slug:        "aws-cloudtrail-log-file-validation-disabled",
	Title:       "CloudTrail log file validation is not enabled",
	Provider:    "aws",
	Service:     "cloudtrail",
	Severity:    check.Medium,
	Description: "The trail does not write signed digest files for its log files.",
	Rationale:   "Without digest files nobody can prove that a log file was not altered or deleted after delivery, so an intruder who reaches the bucket can edit their traces out and investigators cannot tell.",
	Remediation: check.Remediation{
		Text: "Enable log file integrity validation on the trail.",
		Terraform: `resource "aws_cloudtrail" "example" {
  # ...
  enable_log_file_validation = true
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkCISAWS30, ID: "3.2"},
		{Framework: check.FrameworkNIST80053, ID: "AU-9"},
		{Framework: check.FrameworkNIST80053, ID: "SI-7"},
		{Framework: check.FrameworkPCIDSS40, ID: "10.3.2"},
		{Framework: check.FrameworkSOC2, ID: "CC7.2"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(c)(1)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.15"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0016"},
		Tfsec:   []string{"aws-cloudtrail-enable-log-validation"},
		Checkov: []string{"CKV_AWS_36"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, t := range in.AWS.CloudTrail.Trails {
			r.Judge(t.Resource, t.LogFileValidation, false, "Trail %s does not have log file validation enabled.", t.Name)
		}
	},
}

var kmsEncryption = &check.Check{
	ID:          "AWS-CLOUDTRAIL-003",
	Slug:        "aws-cloudtrail-not-encrypted-with-kms",
	Title:       "CloudTrail logs are not encrypted with a KMS key",
	Provider:    "aws",
	Service:     "cloudtrail",
	Severity:    check.Medium,
	Description: "The trail's log files are encrypted with S3-managed keys only, not with a customer managed KMS key.",
	Rationale:   "With SSE-KMS, reading the logs needs kms:Decrypt on the key as well as s3:GetObject on the bucket, and every decryption is itself logged. A misconfigured bucket policy alone then no longer exposes the account's full API history.",
	Remediation: check.Remediation{
		Text: "Encrypt the trail with a customer managed KMS key whose policy lets CloudTrail encrypt and only log readers decrypt.",
		Terraform: `resource "aws_cloudtrail" "example" {
  # ...
  kms_key_id = aws_kms_key.cloudtrail.arn
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkCISAWS30, ID: "3.5"},
		{Framework: check.FrameworkNIST80053, ID: "AU-9"},
		{Framework: check.FrameworkNIST80053, ID: "SC-28"},
		{Framework: check.FrameworkPCIDSS40, ID: "10.3.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(a)(2)(iv)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0015"},
		Tfsec:   []string{"aws-cloudtrail-enable-at-rest-encryption"},
		Checkov: []string{"CKV_AWS_35"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, t := range in.AWS.CloudTrail.Trails {
			// CloudTrail has no AWS managed key: any key named is one the
			// customer manages, and a reference to a key declared in the
			// configuration names one before its ARN is known.
			r.Judge(t.Resource, t.EncryptionKey.Named(), false, "Trail %s does not encrypt its logs with a KMS key.", t.Name)
		}
	},
}

var cloudWatchDelivery = &check.Check{
	ID:          "AWS-CLOUDTRAIL-004",
	Slug:        "aws-cloudtrail-no-cloudwatch-logs",
	Title:       "CloudTrail trail does not deliver events to CloudWatch Logs",
	Provider:    "aws",
	Service:     "cloudtrail",
	Severity:    check.Medium,
	Description: "The trail delivers its events to S3 only, not to a CloudWatch Logs log group.",
	Rationale:   "Events in S3 are only read when someone goes looking. Sending them to CloudWatch Logs is what lets metric filters and alarms notify the team within minutes of a root login, a disabled trail or a policy change.",
	Remediation: check.Remediation{
		Text: "Deliver the trail's events to a CloudWatch Logs log group, with a role CloudTrail can assume to write to it.",
		Terraform: `resource "aws_cloudtrail" "example" {
  # ...
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.cloudtrail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.cloudtrail_to_cloudwatch.arn
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AU-6"},
		{Framework: check.FrameworkNIST80053, ID: "SI-4"},
		{Framework: check.FrameworkPCIDSS40, ID: "10.4.1"},
		{Framework: check.FrameworkSOC2, ID: "CC7.2"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(b)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.16"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0162"},
		Tfsec:   []string{"aws-cloudtrail-ensure-cloudwatch-integration"},
		Checkov: []string{"CKV2_AWS_10"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, t := range in.AWS.CloudTrail.Trails {
			switch v := t.CloudWatch.LogGroupARN; {
			case v.Is(""):
				r.Fail(t.Resource, v.Origin, "Trail %s does not deliver its events to CloudWatch Logs.", t.Name)
			case v.Known(), t.CloudWatch.LogGroupID.IsNot(""):
				// A log group of the estate is linked even when its ARN is
				// known only at apply time.
				r.Pass(t.Resource)
			}
		}
	},
}

var loggingDisabled = &check.Check{
	ID:          "AWS-CLOUDTRAIL-005",
	Slug:        "aws-cloudtrail-logging-disabled",
	Title:       "CloudTrail trail is not logging",
	Provider:    "aws",
	Service:     "cloudtrail",
	Severity:    check.High,
	Description: "The trail exists but its logging is turned off, so it records nothing.",
	Rationale:   "A stopped trail gives the appearance of an audit trail while recording no API activity: incidents during that time cannot be investigated, and stopping logging is a classic step attackers take to hide.",
	Remediation: check.Remediation{
		Text: "Turn logging on for the trail.",
		Terraform: `resource "aws_cloudtrail" "example" {
  # ...
  enable_logging = true
}`,
	},
	References: []string{
		trailDocs,
		"https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopLogging.html",
	},
	Compliance: control.AuditLogging(check.Control{Framework: check.FrameworkCISAWS30, ID: "3.1"}),
	Equivalents: check.Equivalents{
		Checkov: []string{"CKV_AWS_251"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, t := range in.AWS.CloudTrail.Trails {
			r.Judge(t.Resource, t.Logging, false, "Trail %s has logging turned off.", t.Name)
		}
	},
}
