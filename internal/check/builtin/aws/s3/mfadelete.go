package s3

import "github.com/vigil-sec/vigil/internal/check"

var mfaDelete = &check.Check{
	ID:       "AWS-S3-010",
	Slug:     "aws-s3-bucket-mfa-delete-disabled",
	Title:    "S3 bucket does not require MFA to delete object versions",
	Provider: "aws",
	Service:  "s3",
	Severity: check.Low,
	Description: "MFA delete is not enabled in the bucket's versioning configuration, so permanently deleting an object " +
		"version or suspending versioning needs no second factor.",
	Rationale: "Versioning protects data only as long as old versions survive. With MFA delete, stolen access keys alone " +
		"cannot purge versions or switch versioning off; the root user's MFA device is also needed.",
	Remediation: check.Remediation{
		Text: "Enable versioning with MFA delete. Only the root user can change it, passing its MFA device serial and a current code.",
		Terraform: `resource "aws_s3_bucket_versioning" "example" {
  bucket = aws_s3_bucket.example.id
  mfa    = "${var.root_mfa_serial} ${var.root_mfa_code}"
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Enabled"
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkCISAWS30, ID: "2.1.2"},
		{Framework: check.FrameworkNIST80053, ID: "CP-9"},
		{Framework: check.FrameworkNIST80053, ID: "IA-2(1)"},
		{Framework: check.FrameworkSOC2, ID: "A1.2"},
		{Framework: check.FrameworkISO27001, ID: "A.8.13"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, b := range in.AWS.S3.Buckets {
			r.Judge(b.Resource, b.Versioning.MFADelete, false, "Bucket %s does not have MFA delete enabled.", b.Name)
		}
	},
}
