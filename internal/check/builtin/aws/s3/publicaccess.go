package s3

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/s3"
)

// publicAccessCompliance maps every Block Public Access check.
var publicAccessCompliance = []check.Control{
	{Framework: check.FrameworkCISAWS30, ID: "2.1.4"},
	{Framework: check.FrameworkNIST80053, ID: "AC-3"},
	{Framework: check.FrameworkNIST80053, ID: "SC-7"},
	{Framework: check.FrameworkPCIDSS40, ID: "7.2.1"},
	{Framework: check.FrameworkSOC2, ID: "CC6.1"},
	{Framework: check.FrameworkSOC2, ID: "CC6.6"},
	{Framework: check.FrameworkHIPAA, ID: "164.312(a)(1)"},
	{Framework: check.FrameworkISO27001, ID: "A.8.3"},
}

var publicAccessReferences = []string{
	"https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
}

// publicAccessFlag builds the check on one Block Public Access flag of a
// bucket. Buckets without an aws_s3_bucket_public_access_block keep AWS's
// default (every flag on), so only a declared block can fail.
func publicAccessFlag(id, slug, title, attr, problem, rationale string, avd, tfsec, checkov string,
	flag func(*s3.PublicAccessBlock) model.Bool) *check.Check {
	return &check.Check{
		ID:          id,
		Slug:        slug,
		Title:       title,
		Provider:    "aws",
		Service:     "s3",
		Severity:    check.High,
		Description: "The bucket's public access block leaves " + attr + " off.",
		Rationale:   rationale,
		Remediation: check.Remediation{
			Text: "Set " + attr + " to true on the bucket's public access block (and keep the other three settings on).",
			Terraform: `resource "aws_s3_bucket_public_access_block" "example" {
  bucket                  = aws_s3_bucket.example.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
		},
		References:  publicAccessReferences,
		Compliance:  publicAccessCompliance,
		Equivalents: check.Equivalents{AVD: []string{avd}, Tfsec: []string{tfsec}, Checkov: []string{checkov}},
		Evaluate: func(in *check.Input, r *check.Reporter) {
			for _, b := range in.AWS.S3.Buckets {
				r.Judge(b.Resource, flag(&b.PublicAccessBlock), false, "Bucket %s %s.", b.Name, problem)
			}
		},
	}
}

var blockPublicACLs = publicAccessFlag("AWS-S3-001", "aws-s3-block-public-acls-disabled",
	"S3 bucket does not block public ACLs", "block_public_acls", "does not block public ACLs",
	"With block_public_acls off, a request can still put a bucket or object ACL that grants everyone access, so a single mistaken upload makes data public.",
	"AVD-AWS-0086", "aws-s3-block-public-acls", "CKV_AWS_53",
	func(p *s3.PublicAccessBlock) model.Bool { return p.BlockPublicACLs })

var blockPublicPolicy = publicAccessFlag("AWS-S3-002", "aws-s3-block-public-policy-disabled",
	"S3 bucket does not block public bucket policies", "block_public_policy", "does not block public bucket policies",
	"With block_public_policy off, a bucket policy granting access to everyone is accepted, so one policy change can expose the whole bucket.",
	"AVD-AWS-0087", "aws-s3-block-public-policy", "CKV_AWS_54",
	func(p *s3.PublicAccessBlock) model.Bool { return p.BlockPublicPolicy })

var ignorePublicACLs = publicAccessFlag("AWS-S3-004", "aws-s3-ignore-public-acls-disabled",
	"S3 bucket does not ignore public ACLs", "ignore_public_acls", "does not ignore public ACLs",
	"With ignore_public_acls off, public ACLs already on the bucket or its objects take effect, and objects uploaded with a public ACL are readable by anyone.",
	"AVD-AWS-0091", "aws-s3-ignore-public-acls", "CKV_AWS_55",
	func(p *s3.PublicAccessBlock) model.Bool { return p.IgnorePublicACLs })

var restrictPublicBuckets = publicAccessFlag("AWS-S3-005", "aws-s3-restrict-public-buckets-disabled",
	"S3 bucket does not restrict public bucket policies", "restrict_public_buckets", "does not restrict access under a public bucket policy",
	"With restrict_public_buckets off, a public bucket policy lets anonymous and cross-account users in; with it on, only AWS services and the bucket owner's account can use such a policy.",
	"AVD-AWS-0093", "aws-s3-no-public-buckets", "CKV_AWS_56",
	func(p *s3.PublicAccessBlock) model.Bool { return p.RestrictPublicBuckets })

// accountPublicAccess judges declared account-level public access blocks.
var accountPublicAccess = &check.Check{
	ID:       "AWS-S3-012",
	Slug:     "aws-s3-account-public-access-block-incomplete",
	Title:    "Account-level S3 public access block does not enable every setting",
	Provider: "aws",
	Service:  "s3",
	Severity: check.High,
	Description: "The account's S3 public access block leaves at least one of block_public_acls, block_public_policy, " +
		"ignore_public_acls and restrict_public_buckets off.",
	Rationale: "The account-level block overrides every bucket in the account, including buckets created later by hand or by " +
		"other tools. With a setting off, any bucket can be made public through an ACL or a bucket policy.",
	Remediation: check.Remediation{
		Text: "Turn on all four settings of the account's public access block.",
		Terraform: `resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html",
	},
	Compliance: publicAccessCompliance,
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, a := range in.AWS.S3.AccountPublicAccessBlocks {
			judged, failed := true, false
			for _, f := range []struct {
				v    model.Bool
				attr string
			}{
				{a.BlockPublicACLs, "block_public_acls"},
				{a.BlockPublicPolicy, "block_public_policy"},
				{a.IgnorePublicACLs, "ignore_public_acls"},
				{a.RestrictPublicBuckets, "restrict_public_buckets"},
			} {
				switch {
				case f.v.Is(false):
					failed = true
					r.Fail(a.Resource, f.v.Origin, "Account public access block %s does not enable %s.", a.Name, f.attr)
				case !f.v.Known():
					judged = false
				}
			}
			if judged && !failed {
				r.Pass(a.Resource)
			}
		}
	},
}
