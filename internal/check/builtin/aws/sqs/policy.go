package sqs

import (
	"github.com/vigil-sec/vigil/internal/check"
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
			evalPublicPolicy(q, r)
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
			evalAllActions(q, r)
		}
	},
}

// evalPublicPolicy fails a queue on the first public statement of its
// policy that no Deny of the policy takes back. A queue without a policy
// passes (only the owner's account has access); an unknown or malformed
// policy is not judged, nor is one whose unknown items might make a
// statement public or a Deny take a grant back.
func evalPublicPolicy(q *sqs.Queue, r *check.Reporter) {
	p := q.Policy
	if p.Raw.Is("") {
		r.Pass(q.Resource)
		return
	}
	if !p.Known() {
		return
	}
	grants, undecided := p.PublicGrants()
	switch {
	case len(grants) > 0:
		r.Fail(q.Resource, grants[0].Statement.Origin, "Queue %s has a policy that lets anyone access it without a condition.", q.Name)
	case !undecided:
		r.Pass(q.Resource)
	}
}

// evalAllActions fails a queue on the first statement of its policy that
// allows every SQS action through a wildcard: "*", "sqs:*", or a NotAction
// that excludes no SQS action. A queue without a policy passes; an unknown
// or malformed policy is not judged, nor is one with a Partial statement
// that may allow: its unknown items might make it a wildcard.
func evalAllActions(q *sqs.Queue, r *check.Reporter) {
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
		case st.IsAllow() && st.CoversAllActions("sqs"):
			r.Fail(q.Resource, st.Origin, "Queue %s has a policy that allows all SQS actions.", q.Name)
			return
		case st.Partial && st.MayHaveEffect("Allow"):
			judged = false
		}
	}
	if judged {
		r.Pass(q.Resource)
	}
}
