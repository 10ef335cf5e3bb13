package cloudfront

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
)

var waf = &check.Check{
	ID:          "AWS-CLOUDFRONT-003",
	Slug:        "aws-cloudfront-no-waf",
	Title:       "CloudFront distribution is not protected by AWS WAF",
	Provider:    "aws",
	Service:     "cloudfront",
	Severity:    check.Low,
	Description: "The distribution has no web ACL (web_acl_id), so requests reach its origins without AWS WAF inspection.",
	Rationale: "A web ACL at the edge blocks common exploits (SQL injection, cross-site scripting, known bad inputs), bots and " +
		"request floods before they reach the application, and can rate-limit abusive clients.",
	Remediation: check.Remediation{
		Text: "Associate an AWS WAF (WAFv2, CLOUDFRONT scope) web ACL with at least the AWS managed core rule set.",
		Terraform: `resource "aws_cloudfront_distribution" "example" {
  # ...
  web_acl_id = aws_wafv2_web_acl.edge.arn
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-awswaf.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-7"},
		{Framework: check.FrameworkNIST80053, ID: "SI-4"},
		{Framework: check.FrameworkPCIDSS40, ID: "6.4.2"},
		{Framework: check.FrameworkSOC2, ID: "CC6.6"},
		{Framework: check.FrameworkISO27001, ID: "A.8.20"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0011"},
		Tfsec:   []string{"aws-cloudfront-enable-waf"},
		Checkov: []string{"CKV_AWS_68"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, d := range in.AWS.CloudFront.Distributions {
			switch w := d.WebACLID; {
			case w.Is(""):
				r.Fail(d.Resource, w.Origin, "Distribution %s is not protected by AWS WAF.", d.Name)
			case w.Known():
				r.Pass(d.Resource)
			}
		}
	},
}

var logging = &check.Check{
	ID:          "AWS-CLOUDFRONT-004",
	Slug:        "aws-cloudfront-access-logging-disabled",
	Title:       "CloudFront distribution does not log viewer requests",
	Provider:    "aws",
	Service:     "cloudfront",
	Severity:    check.Low,
	Description: "The distribution has neither standard logging to S3 (logging_config) nor a CloudWatch Logs delivery source for its access logs.",
	Rationale: "Access logs record every viewer request with its client address, path and result: the evidence needed to investigate " +
		"scraping, credential stuffing or data exfiltration through the distribution.",
	Remediation: check.Remediation{
		Text: "Enable standard logging to an S3 bucket, or standard logging v2 with a CloudWatch Logs delivery source and delivery.",
		Terraform: `resource "aws_cloudfront_distribution" "example" {
  # ...
  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
    prefix = "cloudfront/"
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html"},
	Compliance: control.AuditLogging(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0010"},
		Tfsec:   []string{"aws-cloudfront-enable-logging"},
		Checkov: []string{"CKV_AWS_86"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, d := range in.AWS.CloudFront.Distributions {
			r.Judge(d.Resource, d.Logging.Enabled, false, "Distribution %s does not log viewer requests.", d.Name)
		}
	},
}
