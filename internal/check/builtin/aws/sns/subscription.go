package sns

import "github.com/vigil-sec/vigil/internal/check"

var httpSubscription = &check.Check{
	ID:          "AWS-SNS-004",
	Slug:        "aws-sns-subscription-http",
	Title:       "SNS subscription delivers messages over unencrypted HTTP",
	Provider:    "aws",
	Service:     "sns",
	Severity:    check.Medium,
	Description: "The subscription's protocol is http, so SNS sends messages to the endpoint in clear text.",
	Rationale:   "Messages sent over plain HTTP can be read and altered by anyone on the network path, and the subscription confirmation token travels in the clear too.",
	Remediation: check.Remediation{
		Text: "Subscribe an HTTPS endpoint instead.",
		Terraform: `resource "aws_sns_topic_subscription" "example" {
  topic_arn = aws_sns_topic.example.arn
  protocol  = "https"
  endpoint  = "https://hooks.example.com/sns"
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/sns/latest/dg/sns-http-https-endpoint-as-subscriber.html",
		"https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-8"},
		{Framework: check.FrameworkPCIDSS40, ID: "4.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.7"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(e)(1)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.20"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, s := range in.AWS.SNS.Subscriptions {
			// Never print the endpoint: HTTP endpoints may embed credentials.
			switch v := s.Protocol; {
			case v.Is("http"):
				r.Fail(s.Resource, v.Origin, "Subscription %s delivers messages over unencrypted HTTP.", s.Name)
			case v.Known():
				r.Pass(s.Resource)
			}
		}
	},
}
