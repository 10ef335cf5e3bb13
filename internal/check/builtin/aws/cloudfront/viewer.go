package cloudfront

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model/aws/cloudfront"
)

var viewerHTTP = &check.Check{
	ID:       "AWS-CLOUDFRONT-001",
	Slug:     "aws-cloudfront-viewer-http-allowed",
	Title:    "CloudFront distribution serves viewers over plain HTTP",
	Provider: "aws",
	Service:  "cloudfront",
	Severity: check.High,
	Description: "A cache behavior's viewer protocol policy is allow-all, so viewers can request and receive content over " +
		"unencrypted HTTP.",
	Rationale: "Over HTTP, anyone on the network path can read and modify responses and requests, including cookies and tokens, and " +
		"inject content into pages; redirecting to HTTPS or serving HTTPS only keeps every exchange encrypted.",
	Remediation: check.Remediation{
		Text: "Set viewer_protocol_policy to redirect-to-https (or https-only) on the default and every ordered cache behavior.",
		Terraform: `resource "aws_cloudfront_distribution" "example" {
  # ...
  default_cache_behavior {
    # ...
    viewer_protocol_policy = "redirect-to-https"
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html"},
	Compliance: control.EncryptionInTransit(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0012"},
		Tfsec:   []string{"aws-cloudfront-enforce-https"},
		Checkov: []string{"CKV_AWS_34"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, d := range in.AWS.CloudFront.Distributions {
			evalViewerHTTP(d, r)
		}
	},
}

func evalViewerHTTP(d *cloudfront.Distribution, r *check.Reporter) {
	judged, failed := d.BehaviorsKnown, false
	for _, b := range d.Behaviors {
		switch p := b.ViewerProtocolPolicy; {
		case p.Is("allow-all"):
			failed = true
			r.Fail(d.Resource, p.Origin, "Distribution %s serves %s over plain HTTP.", d.Name, behaviorName(b))
		case !p.Known():
			judged = false
		}
	}
	if judged && !failed && len(d.Behaviors) > 0 {
		r.Pass(d.Resource)
	}
}

// behaviorName names a cache behavior in messages.
func behaviorName(b *cloudfront.CacheBehavior) string {
	if b.IsDefault() {
		return "its default cache behavior"
	}
	if p, ok := b.PathPattern.Get(); ok {
		return "path " + p
	}
	return "a cache behavior"
}

// weakViewerPolicies are the viewer security policies that accept protocols
// or ciphers older than TLSv1.2_2021 allows.
var weakViewerPolicies = []string{"SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016", "TLSv1.2_2018", "TLSv1.2_2019"}

var viewerTLS = &check.Check{
	ID:       "AWS-CLOUDFRONT-002",
	Slug:     "aws-cloudfront-outdated-viewer-tls",
	Title:    "CloudFront distribution accepts outdated TLS versions or ciphers from viewers",
	Provider: "aws",
	Service:  "cloudfront",
	Severity: check.Medium,
	Description: "The distribution's custom certificate uses a viewer security policy older than TLSv1.2_2021 (the default is TLSv1), " +
		"so CloudFront negotiates TLS 1.0 or 1.1 or weak CBC ciphers with viewers. Distributions on the default *.cloudfront.net " +
		"certificate are not judged: CloudFront fixes their policy at TLSv1 and it cannot be raised without a custom domain and certificate.",
	Rationale: "TLS 1.0 and 1.1 and CBC-mode ciphers have known weaknesses (BEAST, POODLE-style padding oracles, SHA-1) and are " +
		"disallowed by PCI DSS; a modern policy keeps connections to viewers strongly encrypted.",
	Remediation: check.Remediation{
		Text: "Set minimum_protocol_version to TLSv1.2_2021 (or newer) on the viewer certificate.",
		Terraform: `resource "aws_cloudfront_distribution" "example" {
  # ...
  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.example.arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-8"},
		{Framework: check.FrameworkNIST80053, ID: "SC-13"},
		{Framework: check.FrameworkPCIDSS40, ID: "4.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.7"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(e)(1)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0013"},
		Tfsec:   []string{"aws-cloudfront-use-secure-tls-policy"},
		Checkov: []string{"CKV_AWS_174"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, d := range in.AWS.CloudFront.Distributions {
			cert := d.Certificate
			if !cert.DefaultCertificate.Is(false) {
				continue
			}
			switch v := cert.MinimumProtocolVersion; {
			case v.IsOneOf(weakViewerPolicies...):
				r.Fail(d.Resource, v.Origin, "Distribution %s accepts viewer connections with security policy %s, older than TLSv1.2_2021.", d.Name, v.Val())
			case v.Known():
				r.Pass(d.Resource)
			}
		}
	},
}
