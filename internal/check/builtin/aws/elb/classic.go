package elb

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
)

var classicHTTPListener = &check.Check{
	ID:          "AWS-ELB-007",
	Slug:        "aws-elb-classic-http-listener",
	Title:       "Classic load balancer has a plain HTTP listener",
	Provider:    "aws",
	Service:     "elb",
	Severity:    check.High,
	Description: "A listener of the classic load balancer accepts plain HTTP from clients.",
	Rationale:   "Classic load balancers cannot redirect HTTP to HTTPS, so an HTTP listener serves the application in clear text: cookies, credentials and data are exposed to anyone on the network path. Classic load balancers are also a legacy generation; an ALB can redirect.",
	Remediation: check.Remediation{
		Text: "Serve clients over HTTPS (or SSL) only, or migrate to an application load balancer with an HTTP-to-HTTPS redirect.",
		Terraform: `resource "aws_elb" "example" {
  # ...
  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = aws_acm_certificate.example.arn
  }
}`,
	},
	References:  []string{"https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html"},
	Compliance:  transitCompliance(),
	Equivalents: check.Equivalents{},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.ELB.ClassicLoadBalancers {
			failed, allKnown := false, c.ListenersComplete && len(c.Listeners) > 0
			for _, l := range c.Listeners {
				switch {
				case l.Protocol.Is("HTTP"):
					failed = true
					r.Fail(c.Resource, l.Protocol.Origin, "Classic load balancer %s accepts plain HTTP on port %d.", c.Name, l.Port.Val())
				case !l.Protocol.Known():
					allKnown = false
				}
			}
			if !failed && allKnown {
				r.Pass(c.Resource)
			}
		}
	},
}

var classicAccessLogs = &check.Check{
	ID:          "AWS-ELB-008",
	Slug:        "aws-elb-classic-access-logs-disabled",
	Title:       "Classic load balancer access logging is not enabled",
	Provider:    "aws",
	Service:     "elb",
	Severity:    check.Medium,
	Description: "The classic load balancer does not write access logs.",
	Rationale:   "Access logs record every request with its client address and outcome. Without them, attacks on the application leave no trace at the edge and incidents cannot be scoped.",
	Remediation: check.Remediation{
		Text: "Enable access logs to an S3 bucket whose policy lets Elastic Load Balancing write to it.",
		Terraform: `resource "aws_elb" "example" {
  # ...
  access_logs {
    bucket        = aws_s3_bucket.lb_logs.id
    bucket_prefix = "example"
    interval      = 60
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-access-logs.html"},
	Compliance: control.AuditLogging(),
	Equivalents: check.Equivalents{
		Checkov: []string{"CKV_AWS_92"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.ELB.ClassicLoadBalancers {
			r.Judge(c.Resource, c.AccessLogs.Enabled, false, "Classic load balancer %s does not have access logging enabled.", c.Name)
		}
	},
}
