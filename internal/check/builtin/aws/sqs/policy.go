package sqs

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/sqs"
)

var policyCompliance = []check.Control{
	{Framework: check.FrameworkNIST80053, ID: "AC-3"},
	{Framework: check.FrameworkNIST80053, ID: "AC-6"},
	{Framework: check.FrameworkPCIDSS40, ID: "7.2.1"},
	{Framework: check.FrameworkSOC2, ID: "CC6.1"},
	{Framework: check.FrameworkHIPAA, ID: "164.312(a)(1)"},
	{Framework: check.FrameworkISO27001, ID: "A.8.3"},
}

var queuePublicPolicy = &check.Check{
	ID:          "AWS-SQS-002",
	Slug:        "aws-sqs-queue-policy-public",
	Title:       "SQS queue policy lets anyone access the queue",
	Provider:    "aws",
	Service:     "sqs",
	Severity:    check.High,
	Description: "A statement of the queue policy allows any principal to act on the queue, with no condition narrowing it to an account, organization or source.",
	Rationale:   "Anyone with an AWS account could then read and delete the queue's messages, or inject forged ones that downstream workers trust.",
	Remediation: check.Remediation{
		Text: "Name the principals allowed to use the queue, or add a condition such as aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID.",
		Terraform: `resource "aws_sqs_queue_policy" "example" {
  queue_url = aws_sqs_queue.example.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.example.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.example.arn } }
    }]
  })
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html",
		"https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html",
	},
	Compliance: policyCompliance,
	Equivalents: check.Equivalents{
		Checkov: []string{"CKV_AWS_168"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, q := range in.AWS.SQS.Queues {
			evalPolicy(q, r, iam.Statement.IsPublic, iam.Statement.MayBePublic, "Queue %s has a policy that lets anyone access it without a condition.")
		}
	},
}

var queueAllActions = &check.Check{
	ID:          "AWS-SQS-003",
	Slug:        "aws-sqs-queue-policy-all-actions",
	Title:       "SQS queue policy allows all SQS actions",
	Provider:    "aws",
	Service:     "sqs",
	Severity:    check.Medium,
	Description: "A statement of the queue policy allows sqs:* (or *), granting every queue action including changing the policy and deleting the queue.",
	Rationale:   "Producers need sqs:SendMessage and consumers sqs:ReceiveMessage and sqs:DeleteMessage. A wildcard also grants SetQueueAttributes, AddPermission and PurgeQueue, so a compromised producer can rewrite the policy, drain or delete the queue, and inherits actions AWS adds later.",
	Remediation: check.Remediation{
		Text: "List the actions each principal needs instead of sqs:*.",
		Terraform: `resource "aws_sqs_queue_policy" "example" {
  queue_url = aws_sqs_queue.example.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = aws_iam_role.producer.arn }
      Action    = ["sqs:SendMessage", "sqs:GetQueueUrl"]
      Resource  = aws_sqs_queue.example.arn
    }]
  })
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html",
		"https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-api-permissions-reference.html",
	},
	Compliance: policyCompliance,
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0097"},
		Tfsec:   []string{"aws-sqs-no-wildcards-in-policy-documents"},
		Checkov: []string{"CKV_AWS_72"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, q := range in.AWS.SQS.Queues {
			evalPolicy(q, r, allowsAllActions, mayAllow, "Queue %s has a policy that allows all SQS actions.")
		}
	},
}

// evalPolicy judges the queue's policy, failing it on the first statement
// for which bad holds. A queue without a policy passes (only the owner's
// account has access); an unknown or malformed policy is not judged, nor is
// one with a Partial statement for which undecided holds: its unknown items
// might make it bad.
func evalPolicy(q *sqs.Queue, r *check.Reporter, bad, undecided func(iam.Statement) bool, msg string) {
	p := q.Policy
	if p.Raw.Is("") {
		r.Pass(q.Resource)
		return
	}
	if !p.Known() {
		return
	}
	judged := true
	for _, st := range p.Statements {
		switch {
		case bad(st):
			r.Fail(q.Resource, st.Origin, msg, q.Name)
			return
		case st.Partial && undecided(st):
			judged = false
		}
	}
	if judged {
		r.Pass(q.Resource)
	}
}

// allowsAllActions reports whether the statement allows every SQS action
// through a wildcard: "*", "sqs:*", or a NotAction that excludes no SQS
// action.
func allowsAllActions(st iam.Statement) bool {
	return st.IsAllow() && st.CoversAllActions("sqs")
}

// mayAllow reports whether the statement allows or, its effect unknown,
// might.
func mayAllow(st iam.Statement) bool { return st.MayHaveEffect("Allow") }
