package s3

import (
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/s3"
)

var publicPolicy = &check.Check{
	ID:       "AWS-S3-007",
	Slug:     "aws-s3-bucket-policy-public",
	Title:    "S3 bucket policy allows access to everyone",
	Provider: "aws",
	Service:  "s3",
	Severity: check.Critical,
	Description: "A statement of the bucket policy allows Principal \"*\" (or uses NotPrincipal) without a condition that limits it " +
		"to an organization, account, VPC endpoint, network or named principal.",
	Rationale: "Such a statement grants its actions to anonymous users on the internet and to every AWS account. Public " +
		"bucket policies are the most common cause of S3 data leaks.",
	Remediation: check.Remediation{
		Text: "Name the principals that need access, or add a condition such as aws:PrincipalOrgID or aws:SourceVpce. Serve public content through CloudFront with origin access control instead of a public bucket.",
		Terraform: `data "aws_iam_policy_document" "example" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.example.arn}/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudfront_distribution.example.arn]
    }
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status",
		"https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html",
	},
	Compliance:  publicAccessCompliance,
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_70"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, b := range in.AWS.S3.Buckets {
			evalPublicPolicy(b, r)
		}
	},
}

// evalPublicPolicy fails a bucket on each public grant of its policy that
// no Deny of the policy takes back. Unknown items that might make a
// statement public, or a Deny take a grant back, leave it unjudged.
func evalPublicPolicy(b *s3.Bucket, r *check.Reporter) {
	if !b.Policy.Known() {
		return
	}
	grants, undecided := b.Policy.PublicGrants()
	for _, g := range grants {
		r.Fail(b.Resource, g.Statement.Origin, "Bucket %s has a policy allowing everyone %s.", b.Name, describeActions(g))
	}
	if len(grants) == 0 && !undecided {
		r.Pass(b.Resource)
	}
}

// describeActions names what a grant leaves public, for messages.
func describeActions(g iam.PublicGrant) string {
	switch {
	case len(g.Actions) == 0:
		return "every action but " + strings.Join(g.Statement.NotAction, ", ")
	case slices.Contains(g.Actions, "*") || slices.ContainsFunc(g.Actions, func(a string) bool { return strings.EqualFold(a, "s3:*") }):
		return "every S3 action"
	}
	return strings.Join(g.Actions, ", ")
}

var denyInsecureTransport = &check.Check{
	ID:       "AWS-S3-011",
	Slug:     "aws-s3-bucket-allows-http",
	Title:    "S3 bucket policy does not deny requests over plain HTTP",
	Provider: "aws",
	Service:  "s3",
	Severity: check.Medium,
	Description: "The bucket has no policy statement denying s3:* to every principal when aws:SecureTransport is false, so " +
		"S3 accepts unencrypted HTTP requests to it.",
	Rationale: "Requests over plain HTTP expose object data, credentials-signed headers and pre-signed URLs to anyone on the " +
		"network path. A Deny statement on aws:SecureTransport makes S3 refuse them whatever the client does.",
	Remediation: check.Remediation{
		Text: "Add a bucket policy statement denying s3:* on the bucket and its objects to every principal when aws:SecureTransport is false.",
		Terraform: `data "aws_iam_policy_document" "example" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.example.arn, "${aws_s3_bucket.example.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "example" {
  bucket = aws_s3_bucket.example.id
  policy = data.aws_iam_policy_document.example.json
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit",
		"https://repost.aws/knowledge-center/s3-bucket-policy-for-config-rule",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkCISAWS30, ID: "2.1.1"},
		{Framework: check.FrameworkNIST80053, ID: "SC-8"},
		{Framework: check.FrameworkNIST80053, ID: "SC-8(1)"},
		{Framework: check.FrameworkPCIDSS40, ID: "4.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.7"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(e)(1)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, b := range in.AWS.S3.Buckets {
			evalDenyInsecureTransport(b, r)
		}
	},
}

func evalDenyInsecureTransport(b *s3.Bucket, r *check.Reporter) {
	if !b.Policy.Known() {
		return
	}
	undecided := false
	for _, st := range b.Policy.Statements {
		if deniesInsecureTransport(st) {
			r.Pass(b.Resource)
			return
		}
		// A statement that may deny might, through its unknown items, be
		// the missing one; one that allows cannot.
		undecided = undecided || st.Partial && st.MayHaveEffect("Deny")
	}
	if undecided {
		return
	}
	if b.Policy.Raw.Defaulted() {
		r.Fail(b.Resource, b.Policy.Raw.Origin, "Bucket %s has no bucket policy denying requests over HTTP.", b.Name)
		return
	}
	r.Fail(b.Resource, b.Policy.Raw.Origin, "Bucket %s has a policy that does not deny requests over HTTP.", b.Name)
}

// deniesInsecureTransport reports whether st denies every S3 request made
// without TLS, to everyone.
func deniesInsecureTransport(st iam.Statement) bool {
	return st.DeniesInsecureTransport() && st.Principal != nil && st.Principal.All &&
		st.CoversAction("s3:GetObject") && st.CoversAction("s3:PutObject")
}
