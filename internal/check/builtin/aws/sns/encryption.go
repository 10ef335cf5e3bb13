package sns

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
)

var topicNotEncrypted = &check.Check{
	ID:          "AWS-SNS-001",
	Slug:        "aws-sns-topic-not-encrypted",
	Title:       "SNS topic is not encrypted at rest",
	Provider:    "aws",
	Service:     "sns",
	Severity:    check.Medium,
	Description: "The topic has no KMS key, so SNS stores its messages unencrypted until they are delivered.",
	Rationale:   "Notifications often carry order details, alerts with hostnames or personal data. Server-side encryption protects them at rest and puts access under a KMS key policy.",
	Remediation: check.Remediation{
		Text: "Encrypt the topic with a KMS key, preferably a customer managed key.",
		Terraform: `resource "aws_sns_topic" "example" {
  name              = "example"
  kms_master_key_id = aws_kms_key.sns.arn
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html",
	},
	Compliance: control.EncryptionAtRest(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0095"},
		Tfsec:   []string{"aws-sns-enable-topic-encryption"},
		Checkov: []string{"CKV_AWS_26"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, t := range in.AWS.SNS.Topics {
			// Any key will do here, so a reference to a key declared in the
			// configuration passes before its ARN is known.
			r.Judge(t.Resource, t.EncryptionKey.Named(), false, "Topic %s is not encrypted at rest.", t.Name)
		}
	},
}

var topicAWSManagedKey = &check.Check{
	ID:          "AWS-SNS-002",
	Slug:        "aws-sns-topic-aws-managed-key",
	Title:       "SNS topic is encrypted with the AWS managed key instead of a customer managed key",
	Provider:    "aws",
	Service:     "sns",
	Severity:    check.Low,
	Description: "The topic is encrypted with alias/aws/sns, the key AWS manages for SNS in the account.",
	Rationale:   "Anyone in the account allowed to use SNS can use the AWS managed key, its policy cannot be changed, and it cannot be shared with other accounts or services that publish to the topic (CloudWatch alarms, EventBridge, S3 notifications). A customer managed key restricts and audits who can read the messages.",
	Remediation: check.Remediation{
		Text: "Encrypt the topic with a customer managed KMS key whose policy grants the publishing services.",
		Terraform: `resource "aws_sns_topic" "example" {
  name              = "example"
  kms_master_key_id = aws_kms_key.sns.arn
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-12"},
		{Framework: check.FrameworkNIST80053, ID: "SC-28"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	},
	Equivalents: check.Equivalents{
		AVD:   []string{"AVD-AWS-0136"},
		Tfsec: []string{"aws-sns-topic-encryption-use-cmk"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, t := range in.AWS.SNS.Topics {
			// Unencrypted topics are AWS-SNS-001's.
			if t.EncryptionKey.Named().Is(true) {
				r.Judge(t.Resource, t.EncryptionKey.CustomerManaged, false, "Topic %s is encrypted with the AWS managed key rather than a customer managed key.", t.Name)
			}
		}
	},
}
