package s3

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/s3"
)

var versioning = &check.Check{
	ID:          "AWS-S3-003",
	Slug:        "aws-s3-bucket-versioning-disabled",
	Title:       "S3 bucket versioning is not enabled",
	Provider:    "aws",
	Service:     "s3",
	Severity:    check.Medium,
	Description: "The bucket keeps only the latest version of each object.",
	Rationale:   "Versioning keeps every version of an object, so data overwritten or deleted by mistake, by a faulty deployment or by ransomware can be recovered.",
	Remediation: check.Remediation{
		Text: "Enable versioning on the bucket.",
		Terraform: `resource "aws_s3_bucket_versioning" "example" {
  bucket = aws_s3_bucket.example.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "CP-9"},
		{Framework: check.FrameworkNIST80053, ID: "SI-12"},
		{Framework: check.FrameworkPCIDSS40, ID: "10.5.1"},
		{Framework: check.FrameworkSOC2, ID: "A1.2"},
		{Framework: check.FrameworkHIPAA, ID: "164.308(a)(7)(ii)(A)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.13"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0090"},
		Tfsec:   []string{"aws-s3-enable-versioning"},
		Checkov: []string{"CKV_AWS_21"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, b := range in.AWS.S3.Buckets {
			evalVersioning(b, r)
		}
	},
}

func evalVersioning(b *s3.Bucket, r *check.Reporter) {
	r.Judge(b.Resource, b.Versioning.Enabled, false, "Bucket %s does not have versioning enabled.", b.Name)
}
