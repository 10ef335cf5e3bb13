package cloudwatch

import "github.com/vigil-sec/vigil/internal/check"

var logGroupKMS = &check.Check{
	ID:          "AWS-CLOUDWATCH-016",
	Slug:        "aws-cloudwatch-log-group-not-encrypted-with-kms",
	Title:       "CloudWatch log group is not encrypted with a KMS key",
	Provider:    "aws",
	Service:     "cloudwatch",
	Severity:    check.Low,
	Description: "The log group's events are encrypted with CloudWatch Logs' own keys, not with a customer managed KMS key.",
	Rationale:   "Logs often carry tokens, personal data and internal addresses. With a KMS key, reading them also needs kms:Decrypt, access can be revoked by disabling the key, and every use of the key is audited.",
	Remediation: check.Remediation{
		Text: "Encrypt the log group with a customer managed KMS key whose policy allows the CloudWatch Logs service principal of the region.",
		Terraform: `resource "aws_cloudwatch_log_group" "example" {
  name       = "example"
  kms_key_id = aws_kms_key.logs.arn
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AU-9"},
		{Framework: check.FrameworkNIST80053, ID: "SC-28"},
		{Framework: check.FrameworkPCIDSS40, ID: "10.3.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(a)(2)(iv)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0017"},
		Tfsec:   []string{"aws-cloudwatch-log-group-customer-key"},
		Checkov: []string{"CKV_AWS_158"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, g := range in.AWS.CloudWatch.LogGroups {
			// CloudWatch Logs has no AWS managed key: any key named is one
			// the customer manages, and a reference to a key declared in the
			// configuration names one before its ARN is known.
			r.Judge(g.Resource, g.EncryptionKey.Named(), false, "Log group %s is not encrypted with a KMS key.", g.Name)
		}
	},
}

// minRetentionDays is a year: PCI DSS asks for twelve months of audit log
// history, and incidents are often found months after they began.
const minRetentionDays = 365

var logGroupRetention = &check.Check{
	ID:          "AWS-CLOUDWATCH-017",
	Slug:        "aws-cloudwatch-log-group-short-retention",
	Title:       "CloudWatch log group keeps events for less than a year",
	Provider:    "aws",
	Service:     "cloudwatch",
	Severity:    check.Low,
	Description: "The log group's retention is set to fewer than 365 days. A group without retention (events never expire) is not reported.",
	Rationale:   "Breaches are commonly discovered months after the first intrusion; logs deleted after a few weeks leave nothing to reconstruct what happened.",
	Remediation: check.Remediation{
		Text: "Keep the log group's events for at least 365 days, or export them to long-term storage before they expire.",
		Terraform: `resource "aws_cloudwatch_log_group" "example" {
  name              = "example"
  retention_in_days = 365
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AU-11"},
		{Framework: check.FrameworkPCIDSS40, ID: "10.5.1"},
		{Framework: check.FrameworkSOC2, ID: "CC7.2"},
		{Framework: check.FrameworkISO27001, ID: "A.8.15"},
	},
	Equivalents: check.Equivalents{
		Checkov: []string{"CKV_AWS_338"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, g := range in.AWS.CloudWatch.LogGroups {
			days, ok := g.RetentionDays.Get()
			switch {
			case !ok:
			case days > 0 && days < minRetentionDays:
				r.Fail(g.Resource, g.RetentionDays.Origin, "Log group %s keeps events for %d days only.", g.Name, days)
			default:
				r.Pass(g.Resource)
			}
		}
	},
}
