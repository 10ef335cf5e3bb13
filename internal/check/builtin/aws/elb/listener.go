package elb

import (
	"regexp"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/elb"
)

func transitCompliance() []check.Control {
	return []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-8"},
		{Framework: check.FrameworkNIST80053, ID: "SC-13"},
		{Framework: check.FrameworkPCIDSS40, ID: "4.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.7"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(e)(1)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	}
}

var httpListener = &check.Check{
	ID:          "AWS-ELB-002",
	Slug:        "aws-elb-http-listener-no-https-redirect",
	Title:       "Load balancer listener serves plain HTTP without redirecting to HTTPS",
	Provider:    "aws",
	Service:     "elb",
	Severity:    check.High,
	Description: "An HTTP listener forwards or answers requests in clear text instead of redirecting clients to HTTPS.",
	Rationale:   "Plain HTTP exposes session cookies, credentials and data to anyone on the network path and lets them modify responses. An HTTP listener should only redirect to HTTPS.",
	Remediation: check.Remediation{
		Text: "Make the HTTP listener's default action a redirect to HTTPS, and serve the application from an HTTPS listener.",
		Terraform: `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.example.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html",
		"https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions",
	},
	Compliance: transitCompliance(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0054"},
		Tfsec:   []string{"aws-elb-http-not-used"},
		Checkov: []string{"CKV_AWS_2", "CKV2_AWS_20"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, l := range in.AWS.ELB.Listeners {
			if !l.Protocol.Known() {
				continue
			}
			if !l.Protocol.Is("HTTP") {
				r.Pass(l.Resource)
				continue
			}
			redirects, known := redirectsToHTTPS(l)
			switch {
			case redirects:
				r.Pass(l.Resource)
			case known:
				r.Fail(l.Resource, l.Protocol.Origin, "Listener %s serves plain HTTP without redirecting to HTTPS.", l.Name)
			}
		}
	},
}

// redirectsToHTTPS reports whether a default action of the listener
// redirects to HTTPS; known is false when an action could not be resolved.
func redirectsToHTTPS(l *elb.Listener) (redirects, known bool) {
	known = l.DefaultActionsComplete && len(l.DefaultActions) > 0
	for _, a := range l.DefaultActions {
		switch {
		case a.Type.Is("redirect") && a.RedirectProtocol.Is("HTTPS"):
			return true, true
		case !a.Type.Known(), a.Type.Is("redirect") && !a.RedirectProtocol.Known():
			known = false
		}
	}
	return false, known
}

// modernPolicy matches the predefined ELB security policies that accept
// TLS 1.2 and later only (TLS13-1-2-*, TLS13-1-3-*, TLS-1-2-*, FS-1-2-*,
// including their FIPS and post-quantum variants).
var modernPolicy = regexp.MustCompile(`^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-`)

var outdatedTLSPolicy = &check.Check{
	ID:          "AWS-ELB-003",
	Slug:        "aws-elb-outdated-tls-policy",
	Title:       "Load balancer listener allows TLS versions older than 1.2",
	Provider:    "aws",
	Service:     "elb",
	Severity:    check.High,
	Description: "An HTTPS or TLS listener uses a security policy that accepts TLS 1.0 or 1.1 (for example ELBSecurityPolicy-2016-08, the long-time default).",
	Rationale:   "TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on weak constructions and cipher suites that enable downgrade and padding-oracle attacks, and PCI DSS forbids them. Clients that cannot speak TLS 1.2 are long gone.",
	Remediation: check.Remediation{
		Text: "Use a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06 (TLS 1.3 with TLS 1.2 fallback).",
		Terraform: `resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.example.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate.example.arn
  # ...
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html",
		"https://docs.aws.amazon.com/elasticloadbalancing/latest/network/describe-ssl-policies.html",
	},
	Compliance: transitCompliance(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0047"},
		Tfsec:   []string{"aws-elb-use-secure-tls-policy"},
		Checkov: []string{"CKV_AWS_103"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, l := range in.AWS.ELB.Listeners {
			if !l.Protocol.IsOneOf("HTTPS", "TLS") {
				continue
			}
			switch p := l.SSLPolicy; {
			case p.Known() && !modernPolicy.MatchString(p.Val()):
				r.Fail(l.Resource, p.Origin, "Listener %s uses security policy %s, which allows TLS versions older than 1.2.", l.Name, p.Val())
			case p.Known():
				r.Pass(l.Resource)
			}
		}
	},
}
