package sqs

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model/aws/sqs"
)

var queueNotEncrypted = &check.Check{
	ID:          "AWS-SQS-001",
	Slug:        "aws-sqs-queue-not-encrypted",
	Title:       "SQS queue is not encrypted at rest",
	Provider:    "aws",
	Service:     "sqs",
	Severity:    check.Medium,
	Description: "The queue has SQS-managed encryption (SSE-SQS) turned off and no KMS key, so messages are stored unencrypted.",
	Rationale:   "Queued messages often carry orders, personal data or job payloads with credentials. SQS encrypts new queues with SSE-SQS by default; turning it off without a KMS key leaves them in clear text at rest.",
	Remediation: check.Remediation{
		Text: "Turn SSE-SQS back on, or encrypt the queue with a KMS key.",
		Terraform: `resource "aws_sqs_queue" "example" {
  name                    = "example"
  sqs_managed_sse_enabled = true
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
	},
	Compliance: control.EncryptionAtRest(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0096"},
		Tfsec:   []string{"aws-sqs-enable-queue-encryption"},
		Checkov: []string{"CKV_AWS_27"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, q := range in.AWS.SQS.Queues {
			switch encrypted(q) {
			case yes:
				r.Pass(q.Resource)
			case no:
				r.Fail(q.Resource, q.SQSManagedSSE.OriginOr(q.Origin), "Queue %s is not encrypted at rest.", q.Name)
			}
		}
	},
}

type tri int8

const (
	no tri = iota
	maybe
	yes
)

// encrypted tells whether SSE-SQS or SSE-KMS protects the queue. Any KMS
// key will do, so a reference to a key declared in the configuration counts
// before its ARN is known.
func encrypted(q *sqs.Queue) tri {
	kms := q.EncryptionKey.Named()
	if q.SQSManagedSSE.Is(true) || kms.Is(true) {
		return yes
	}
	if q.SQSManagedSSE.Is(false) && kms.Is(false) {
		return no
	}
	return maybe
}

var queueAWSManagedKey = &check.Check{
	ID:          "AWS-SQS-004",
	Slug:        "aws-sqs-queue-aws-managed-key",
	Title:       "SQS queue is encrypted with the AWS managed key instead of a customer managed key",
	Provider:    "aws",
	Service:     "sqs",
	Severity:    check.Low,
	Description: "The queue is encrypted with alias/aws/sqs, the key AWS manages for SQS in the account.",
	Rationale:   "Anyone in the account allowed to use SQS can use the AWS managed key and its policy cannot be changed, so the key adds no access control; it also cannot be granted to services or accounts that send to the queue (SNS, EventBridge, S3 notifications). A customer managed key restricts and audits who can read messages.",
	Remediation: check.Remediation{
		Text: "Encrypt the queue with a customer managed KMS key, or with SSE-SQS when key-level control is not needed.",
		Terraform: `resource "aws_sqs_queue" "example" {
  name              = "example"
  kms_master_key_id = aws_kms_key.sqs.arn
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-12"},
		{Framework: check.FrameworkNIST80053, ID: "SC-28"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	},
	Equivalents: check.Equivalents{
		AVD:   []string{"AVD-AWS-0135"},
		Tfsec: []string{"aws-sqs-queue-encryption-use-cmk"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, q := range in.AWS.SQS.Queues {
			// SSE-SQS or no encryption is not a KMS key question.
			if q.EncryptionKey.Named().Is(true) {
				r.Judge(q.Resource, q.EncryptionKey.CustomerManaged, false, "Queue %s is encrypted with the AWS managed key rather than a customer managed key.", q.Name)
			}
		}
	},
}
