package s3

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/s3"
)

// publicCannedACLs grant access to everyone ("public-") or to every AWS
// account holder ("authenticated-read"), which is no restriction either.
var publicCannedACLs = []string{"public-read", "public-read-write", "authenticated-read"}

var publicACL = &check.Check{
	ID:          "AWS-S3-006",
	Slug:        "aws-s3-bucket-public-acl",
	Title:       "S3 bucket ACL grants access to everyone",
	Provider:    "aws",
	Service:     "s3",
	Severity:    check.Critical,
	Description: "The bucket's ACL is public-read, public-read-write or authenticated-read, or grants a permission to the AllUsers or AuthenticatedUsers group.",
	Rationale: "AllUsers is anyone on the internet and AuthenticatedUsers is anyone with an AWS account. Granting either READ lists " +
		"the bucket, WRITE lets them upload and overwrite objects, and the ACL permissions let them take over the ACL itself.",
	Remediation: check.Remediation{
		Text: "Remove the public ACL, keep ACLs disabled with BucketOwnerEnforced object ownership, and grant access with a bucket policy to named principals or through CloudFront.",
		Terraform: `resource "aws_s3_bucket_ownership_controls" "example" {
  bucket = aws_s3_bucket.example.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html",
		"https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
	},
	Compliance: publicAccessCompliance,
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0092"},
		Tfsec:   []string{"aws-s3-no-public-access-with-acl"},
		Checkov: []string{"CKV_AWS_20", "CKV_AWS_57"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, b := range in.AWS.S3.Buckets {
			evalPublicACL(b, r)
		}
	},
}

func evalPublicACL(b *s3.Bucket, r *check.Reporter) {
	failed := false
	if c := b.ACL.Canned; c.IsOneOf(publicCannedACLs...) {
		failed = true
		r.Fail(b.Resource, c.Origin, "Bucket %s has the public canned ACL %s.", b.Name, c.Val())
	}
	known := b.ACL.Canned.Known() && b.ACL.GrantsKnown
	for _, g := range b.ACL.Grants {
		switch {
		case g.GranteeURI.IsOneOf(s3.AllUsersGroup, s3.AuthenticatedUsersGroup):
			failed = true
			perm := "access"
			if p, ok := g.Permission.Get(); ok {
				perm = p
			}
			r.Fail(b.Resource, g.Origin, "Bucket %s grants %s to %s.", b.Name, perm, groupName(g.GranteeURI.Val()))
		case !g.GranteeURI.Known():
			known = false
		}
	}
	if known && !failed {
		r.Pass(b.Resource)
	}
}

func groupName(uri string) string {
	if uri == s3.AllUsersGroup {
		return "everyone (AllUsers)"
	}
	return "every AWS account (AuthenticatedUsers)"
}
