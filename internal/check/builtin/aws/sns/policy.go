package sns

import (
	"path"
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

var topicPublicPolicy = &check.Check{
	ID:          "AWS-SNS-003",
	Slug:        "aws-sns-topic-policy-public",
	Title:       "SNS topic policy lets anyone publish or subscribe",
	Provider:    "aws",
	Service:     "sns",
	Severity:    check.High,
	Description: "A statement of the topic policy allows any principal to publish to or subscribe to the topic, with no condition narrowing it to an account, organization or source.",
	Rationale:   "Anyone with an AWS account could then subscribe an endpoint of theirs and receive every message, or publish forged messages to every subscriber: alerts, orders, commands to downstream workers.",
	Remediation: check.Remediation{
		Text: "Name the principals that may publish or subscribe, or add a condition such as aws:SourceAccount, aws:SourceArn or aws:PrincipalOrgID.",
		Terraform: `resource "aws_sns_topic_policy" "example" {
  arn = aws_sns_topic.example.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudwatch.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.example.arn
      Condition = { StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id } }
    }]
  })
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html",
		"https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "AC-6"},
		{Framework: check.FrameworkPCIDSS40, ID: "7.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(a)(1)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.3"},
	},
	Equivalents: check.Equivalents{
		Checkov: []string{"CKV_AWS_169"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, t := range in.AWS.SNS.Topics {
			text, ok := t.Policy.Raw.Get()
			switch {
			case !ok:
			case text == "":
				// No policy: SNS's default grants the owner's account only.
				r.Pass(t.Resource)
			case !t.Policy.Known():
			case openToAnyone(t.Policy, "sns:Publish", "sns:Subscribe"):
				r.Fail(t.Resource, t.Policy.Raw.Origin, "Topic %s has a policy that lets anyone publish or subscribe without a condition.", t.Name)
			default:
				r.Pass(t.Resource)
			}
		}
	},
}

// openToAnyone reports whether an Allow statement without conditions grants
// any principal (Principal "*", or NotPrincipal) one of the actions.
func openToAnyone(d iam.Document, actions ...string) bool {
	for _, st := range d.Statements {
		if !st.IsAllow() || len(st.Condition) > 0 {
			continue
		}
		if (st.Principal == nil || !st.Principal.All) && st.NotPrincipal == nil {
			continue
		}
		for _, a := range actions {
			if allowsAction(st, a) {
				return true
			}
		}
	}
	return false
}

// allowsAction reports whether the statement's Action or NotAction covers
// action; IAM action names and wildcards are case-insensitive.
func allowsAction(st iam.Statement, action string) bool {
	matches := func(patterns []string) bool {
		for _, p := range patterns {
			if ok, _ := path.Match(strings.ToLower(p), strings.ToLower(action)); ok {
				return true
			}
		}
		return false
	}
	if len(st.NotAction) > 0 {
		return !matches(st.NotAction)
	}
	return matches(st.Action)
}
