package sns

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/sns"
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
			evalPublicPolicy(t, r)
		}
	},
}

// evalPublicPolicy fails a topic on the first public statement granting
// publish or subscribe that no Deny of the policy takes back. A topic
// without a policy passes: SNS's default grants the owner's account only.
// Unknown items that might make a statement public, or a Deny take a grant
// back, leave the topic unjudged.
func evalPublicPolicy(t *sns.Topic, r *check.Reporter) {
	p := t.Policy
	if p.Raw.Is("") {
		r.Pass(t.Resource)
		return
	}
	if !p.Known() {
		return
	}
	grants, undecided := p.PublicGrants("sns:Publish", "sns:Subscribe")
	switch {
	case len(grants) > 0:
		r.Fail(t.Resource, grants[0].Statement.Origin, "Topic %s has a policy that lets anyone publish or subscribe without a condition.", t.Name)
	case !undecided:
		r.Pass(t.Resource)
	}
}
