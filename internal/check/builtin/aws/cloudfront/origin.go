package cloudfront

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model/aws/cloudfront"
)

var originHTTP = &check.Check{
	ID:       "AWS-CLOUDFRONT-005",
	Slug:     "aws-cloudfront-origin-http",
	Title:    "CloudFront distribution reaches a custom origin over plain HTTP",
	Provider: "aws",
	Service:  "cloudfront",
	Severity: check.Medium,
	Description: "A custom origin's protocol policy is http-only, or match-viewer while a cache behavior routing to it accepts HTTP " +
		"viewers, so CloudFront fetches content from the origin unencrypted.",
	Rationale: "Traffic between CloudFront and the origin crosses the internet; over HTTP it can be read and altered on the way, so " +
		"viewers get tampered content even when their own connection uses HTTPS.",
	Remediation: check.Remediation{
		Text: "Serve the origin over HTTPS with a valid certificate and set origin_protocol_policy to https-only.",
		Terraform: `resource "aws_cloudfront_distribution" "example" {
  # ...
  origin {
    domain_name = aws_lb.app.dns_name
    origin_id   = "app"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html"},
	Compliance: control.EncryptionInTransit(),
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, d := range in.AWS.CloudFront.Distributions {
			evalOriginHTTP(d, r)
		}
	},
}

func evalOriginHTTP(d *cloudfront.Distribution, r *check.Reporter) {
	judged, failed := d.OriginsKnown, false
	for _, o := range d.Origins {
		if o.Custom == nil {
			continue
		}
		switch p := o.Custom.ProtocolPolicy; {
		case p.Is("http-only"):
			failed = true
			r.Fail(d.Resource, p.Origin, "Distribution %s reaches origin %s over plain HTTP.", d.Name, o.OriginID.Val())
		case p.Is("match-viewer"):
			switch http, known := viewerHTTPTo(d, o); {
			case !known:
				judged = false
			case http:
				failed = true
				r.Fail(d.Resource, p.Origin, "Distribution %s reaches origin %s over plain HTTP when viewers use HTTP.", d.Name, o.OriginID.Val())
			}
		case !p.Known():
			judged = false
		}
	}
	if judged && !failed && len(d.Origins) > 0 {
		r.Pass(d.Resource)
	}
}

// viewerHTTPTo reports whether a cache behavior that routes to o accepts HTTP
// viewers, and whether that is known.
func viewerHTTPTo(d *cloudfront.Distribution, o *cloudfront.Origin) (http, known bool) {
	id, ok := o.OriginID.Get()
	if !ok || !d.BehaviorsKnown {
		return false, false
	}
	known = true
	for _, b := range d.Behaviors {
		target, ok := b.TargetOriginID.Get()
		switch {
		case !ok:
			known = false
		case target != id:
		case b.ViewerProtocolPolicy.Is("allow-all"):
			return true, true
		case !b.ViewerProtocolPolicy.Known():
			known = false
		}
	}
	return false, known
}

// weakOriginProtocols are the origin SSL protocols older than TLS 1.2.
var weakOriginProtocols = []string{"SSLv3", "TLSv1", "TLSv1.1"}

var originSSL = &check.Check{
	ID:       "AWS-CLOUDFRONT-006",
	Slug:     "aws-cloudfront-origin-outdated-tls",
	Title:    "CloudFront distribution may use SSLv3 or TLS 1.0/1.1 with a custom origin",
	Provider: "aws",
	Service:  "cloudfront",
	Severity: check.Medium,
	Description: "A custom origin reached over HTTPS lists SSLv3, TLSv1 or TLSv1.1 among its origin_ssl_protocols, so CloudFront " +
		"settles for them when the origin offers nothing better.",
	Rationale: "SSLv3 is broken (POODLE) and TLS 1.0 and 1.1 are deprecated (RFC 8996); a downgraded connection to the origin can be " +
		"decrypted or tampered with by an attacker on the path.",
	Remediation: check.Remediation{
		Text: "Allow only TLSv1.2 in origin_ssl_protocols and make sure the origin supports it.",
		Terraform: `resource "aws_cloudfront_distribution" "example" {
  # ...
  origin {
    # ...
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-ciphers-cloudfront-to-origin.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-8"},
		{Framework: check.FrameworkNIST80053, ID: "SC-13"},
		{Framework: check.FrameworkPCIDSS40, ID: "4.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.7"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV2_AWS_54"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, d := range in.AWS.CloudFront.Distributions {
			evalOriginSSL(d, r)
		}
	},
}

func evalOriginSSL(d *cloudfront.Distribution, r *check.Reporter) {
	judged, failed, https := d.OriginsKnown, false, false
	for _, o := range d.Origins {
		if o.Custom == nil || o.Custom.ProtocolPolicy.Is("http-only") {
			continue
		}
		https = true
		protos := o.Custom.SSLProtocols
		weak, found := protos.Any(func(p string) bool {
			for _, w := range weakOriginProtocols {
				if p == w {
					return true
				}
			}
			return false
		})
		switch {
		case found:
			failed = true
			r.Fail(d.Resource, weak.Origin, "Distribution %s may use %s with origin %s.", d.Name, weak.Val(), o.OriginID.Val())
		case !protos.Complete() || !o.Custom.ProtocolPolicy.Known():
			judged = false
		}
	}
	if https && judged && !failed {
		r.Pass(d.Resource)
	}
}

var s3OriginAccess = &check.Check{
	ID:       "AWS-CLOUDFRONT-007",
	Slug:     "aws-cloudfront-s3-origin-without-access-control",
	Title:    "CloudFront distribution reaches an S3 origin without origin access control",
	Provider: "aws",
	Service:  "cloudfront",
	Severity: check.Medium,
	Description: "An S3 bucket origin has neither an origin access control (OAC) nor a legacy origin access identity (OAI), so " +
		"CloudFront makes anonymous requests and the bucket must be public for it to work.",
	Rationale: "Without OAC the bucket has to allow public reads, so its objects can be fetched directly, bypassing the distribution's " +
		"HTTPS policy, WAF, geo restrictions, signed URLs and logging.",
	Remediation: check.Remediation{
		Text: "Create an origin access control, set origin_access_control_id on the S3 origin, allow the cloudfront.amazonaws.com service principal (conditioned on the distribution ARN) in the bucket policy, and block public access on the bucket.",
		Terraform: `resource "aws_cloudfront_origin_access_control" "site" {
  name                              = "site"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_distribution" "example" {
  # ...
  origin {
    domain_name              = aws_s3_bucket.site.bucket_regional_domain_name
    origin_id                = "site"
    origin_access_control_id = aws_cloudfront_origin_access_control.site.id
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "AC-6"},
		{Framework: check.FrameworkPCIDSS40, ID: "7.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.3"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV2_AWS_46"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, d := range in.AWS.CloudFront.Distributions {
			evalS3OriginAccess(d, r)
		}
	},
}

func evalS3OriginAccess(d *cloudfront.Distribution, r *check.Reporter) {
	judged, failed, s3 := d.OriginsKnown, false, false
	for _, o := range d.Origins {
		switch {
		case o.S3.Is(false):
			continue
		case !o.S3.Known():
			judged = false
			continue
		}
		s3 = true
		oac, oai := o.OriginAccessControlID, o.OriginAccessIdentity
		switch {
		case oac.IsNot("") || oai.IsNot(""):
		case oac.Is("") && oai.Is(""):
			failed = true
			r.Fail(d.Resource, o.Origin, "Distribution %s reaches S3 origin %s without origin access control.", d.Name, o.OriginID.Val())
		default:
			judged = false
		}
	}
	if s3 && judged && !failed {
		r.Pass(d.Resource)
	}
}
