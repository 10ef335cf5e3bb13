package sqs

import (
	"path"
	"slices"
	"strings"

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
			evalPolicy(q, r, openToAnyone, "Queue %s has a policy that lets anyone access it without a condition.")
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
			evalPolicy(q, r, allowsAllActions, "Queue %s has a policy that allows all SQS actions.")
		}
	},
}

// evalPolicy judges the queue's policy with bad: a queue without a policy
// passes (only the owner's account has access); an unknown or malformed
// policy is not judged.
func evalPolicy(q *sqs.Queue, r *check.Reporter, bad func(iam.Document) bool, msg string) {
	text, ok := q.Policy.Raw.Get()
	switch {
	case !ok:
	case text == "":
		r.Pass(q.Resource)
	case !q.Policy.Known():
	case bad(q.Policy):
		r.Fail(q.Resource, q.Policy.Raw.Origin, msg, q.Name)
	default:
		r.Pass(q.Resource)
	}
}

// openToAnyone reports whether an Allow statement without conditions grants
// any principal (Principal "*", or NotPrincipal) any action.
func openToAnyone(d iam.Document) bool {
	return slices.ContainsFunc(d.Statements, func(st iam.Statement) bool {
		anyone := st.Principal != nil && st.Principal.All || st.NotPrincipal != nil
		return st.IsAllow() && len(st.Condition) == 0 && anyone && (len(st.Action) > 0 || len(st.NotAction) > 0)
	})
}

// allowsAllActions reports whether an Allow statement grants every SQS
// action through a wildcard: "*", "sqs:*", or a NotAction that excludes no
// SQS action.
func allowsAllActions(d iam.Document) bool {
	return slices.ContainsFunc(d.Statements, func(st iam.Statement) bool {
		if !st.IsAllow() {
			return false
		}
		if len(st.NotAction) > 0 {
			return !slices.ContainsFunc(st.NotAction, excludesSQS)
		}
		return slices.ContainsFunc(st.Action, func(a string) bool { return a == "*" || strings.EqualFold(a, "sqs:*") })
	})
}

// excludesSQS reports whether a NotAction pattern takes some SQS action out
// of the grant.
func excludesSQS(pattern string) bool {
	p := strings.ToLower(pattern)
	ok, _ := path.Match(p, "sqs:sendmessage")
	return ok || strings.HasPrefix(p, "sqs:")
}
