package elb

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/elb"
)

// evalALBs judges setting on every load balancer known to be an
// application load balancer: fail when it is known and bad.
func evalALBs(in *check.Input, r *check.Reporter, types []string, setting func(*elb.LoadBalancer) (v model.Bool, bad bool), format string) {
	for _, lb := range in.AWS.ELB.LoadBalancers {
		if !lb.LBType.IsOneOf(types...) {
			continue
		}
		v, bad := setting(lb)
		switch {
		case bad:
			r.Fail(lb.Resource, v.Origin, format, lb.Name)
		case v.Known():
			r.Pass(lb.Resource)
		}
	}
}

var dropInvalidHeaders = &check.Check{
	ID:          "AWS-ELB-001",
	Slug:        "aws-elb-alb-invalid-headers-not-dropped",
	Title:       "Application load balancer does not drop invalid HTTP headers",
	Provider:    "aws",
	Service:     "elb",
	Severity:    check.Medium,
	Description: "The application load balancer forwards HTTP headers whose names are not valid to its targets instead of removing them.",
	Rationale:   "Headers with malformed names are a building block of request smuggling and header injection attacks against back ends that parse them differently from the load balancer. Dropping them at the edge removes that ambiguity.",
	Remediation: check.Remediation{
		Text: "Set drop_invalid_header_fields to true.",
		Terraform: `resource "aws_lb" "example" {
  # ...
  load_balancer_type         = "application"
  drop_invalid_header_fields = true
}`,
	},
	References: []string{"https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SI-10"},
		{Framework: check.FrameworkNIST80053, ID: "SC-7"},
		{Framework: check.FrameworkPCIDSS40, ID: "6.2.4"},
		{Framework: check.FrameworkISO27001, ID: "A.8.20"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0052"},
		Tfsec:   []string{"aws-elb-drop-invalid-headers"},
		Checkov: []string{"CKV_AWS_131"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalALBs(in, r, []string{elb.TypeApplication}, func(lb *elb.LoadBalancer) (model.Bool, bool) {
			return lb.DropInvalidHeaderFields, lb.DropInvalidHeaderFields.Is(false)
		}, "Load balancer %s does not drop invalid HTTP header fields.")
	},
}

var accessLogs = &check.Check{
	ID:          "AWS-ELB-004",
	Slug:        "aws-elb-access-logs-disabled",
	Title:       "Application load balancer access logging is not enabled",
	Provider:    "aws",
	Service:     "elb",
	Severity:    check.Medium,
	Description: "The application load balancer does not write access logs.",
	Rationale:   "Access logs record every request with its client address, path, status and TLS details. Without them, an attack on the application (scanning, credential stuffing, exploitation) leaves no trace at the edge, and incidents cannot be scoped.",
	Remediation: check.Remediation{
		Text: "Enable access logs to an S3 bucket whose policy lets Elastic Load Balancing write to it.",
		Terraform: `resource "aws_lb" "example" {
  # ...
  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    prefix  = "example"
    enabled = true
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html"},
	Compliance: control.AuditLogging(),
	Equivalents: check.Equivalents{
		Checkov: []string{"CKV_AWS_91"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalALBs(in, r, []string{elb.TypeApplication}, func(lb *elb.LoadBalancer) (model.Bool, bool) {
			return lb.AccessLogs.Enabled, lb.AccessLogs.Enabled.Is(false)
		}, "Load balancer %s does not have access logging enabled.")
	},
}

var deletionProtection = &check.Check{
	ID:          "AWS-ELB-005",
	Slug:        "aws-elb-deletion-protection-disabled",
	Title:       "Load balancer deletion protection is not enabled",
	Provider:    "aws",
	Service:     "elb",
	Severity:    check.Low,
	Description: "The load balancer can be deleted without first turning deletion protection off.",
	Rationale:   "Deleting a load balancer takes the service it fronts offline and releases its DNS name and addresses. Deletion protection guards against a mistaken terraform destroy, a faulty automation or a hurried console click.",
	Remediation: check.Remediation{
		Text: "Set enable_deletion_protection to true on production load balancers.",
		Terraform: `resource "aws_lb" "example" {
  # ...
  enable_deletion_protection = true
}`,
	},
	References: []string{"https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "CP-10"},
		{Framework: check.FrameworkSOC2, ID: "A1.2"},
		{Framework: check.FrameworkISO27001, ID: "A.8.14"},
	},
	Equivalents: check.Equivalents{
		Checkov: []string{"CKV_AWS_150"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalALBs(in, r, []string{elb.TypeApplication, elb.TypeNetwork, elb.TypeGateway}, func(lb *elb.LoadBalancer) (model.Bool, bool) {
			return lb.DeletionProtection, lb.DeletionProtection.Is(false)
		}, "Load balancer %s does not have deletion protection enabled.")
	},
}

var desyncMitigation = &check.Check{
	ID:          "AWS-ELB-006",
	Slug:        "aws-elb-desync-mitigation-monitor",
	Title:       "Application load balancer does not mitigate HTTP desync",
	Provider:    "aws",
	Service:     "elb",
	Severity:    check.Medium,
	Description: "The application load balancer's desync mitigation mode is \"monitor\": it forwards requests it classifies as ambiguous or severe instead of blocking them.",
	Rationale:   "HTTP desync (request smuggling) lets an attacker prepend data to other users' requests, poisoning caches and hijacking sessions. In defensive or strictest mode the load balancer blocks the requests that carry this risk.",
	Remediation: check.Remediation{
		Text: "Set desync_mitigation_mode to \"defensive\" (the default) or \"strictest\".",
		Terraform: `resource "aws_lb" "example" {
  # ...
  desync_mitigation_mode = "defensive"
}`,
	},
	References: []string{"https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#desync-mitigation-mode"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SI-10"},
		{Framework: check.FrameworkNIST80053, ID: "SC-7"},
		{Framework: check.FrameworkPCIDSS40, ID: "6.2.4"},
		{Framework: check.FrameworkISO27001, ID: "A.8.20"},
	},
	Equivalents: check.Equivalents{},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalALBs(in, r, []string{elb.TypeApplication}, func(lb *elb.LoadBalancer) (model.Bool, bool) {
			m := lb.DesyncMitigationMode
			return model.Derive(m, func(s string) bool { return s == "monitor" }), m.Is("monitor")
		}, "Load balancer %s only monitors HTTP desync instead of mitigating it.")
	},
}
