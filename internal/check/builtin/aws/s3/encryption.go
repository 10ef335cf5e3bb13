package s3

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model/aws/s3"
)

var encryptionCMK = &check.Check{
	ID:       "AWS-S3-008",
	Slug:     "aws-s3-bucket-encryption-no-cmk",
	Title:    "S3 bucket is not encrypted with a customer managed KMS key",
	Provider: "aws",
	Service:  "s3",
	Severity: check.Low,
	Description: "The bucket's default encryption is SSE-S3 (AES256), AWS's default for every bucket, or SSE-KMS with the " +
		"AWS managed key aws/s3.",
	Rationale: "Every bucket is encrypted at rest, but with SSE-S3 or aws/s3 anyone with s3:GetObject reads the data, and the " +
		"key's use cannot be restricted, audited per key, disabled in an incident or shared across accounts. A customer " +
		"managed key adds a second, separately governed permission (kms:Decrypt) in front of the data.",
	Remediation: check.Remediation{
		Text: "Set the bucket's default encryption to aws:kms with a customer managed key, and enable the S3 bucket key to limit KMS request costs.",
		Terraform: `resource "aws_s3_bucket_server_side_encryption_configuration" "example" {
  bucket = aws_s3_bucket.example.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.example.arn
    }
    bucket_key_enabled = true
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html",
		"https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html",
	},
	Compliance:  control.EncryptionAtRest(check.Control{Framework: check.FrameworkNIST80053, ID: "SC-12"}),
	Equivalents: check.Equivalents{AVD: []string{"AVD-AWS-0132"}, Tfsec: []string{"aws-s3-encryption-customer-key"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, b := range in.AWS.S3.Buckets {
			evalEncryptionCMK(b, r)
		}
	},
}

func evalEncryptionCMK(b *s3.Bucket, r *check.Reporter) {
	e := b.Encryption
	switch {
	case e.Algorithm.Is("AES256"):
		r.Fail(b.Resource, e.Algorithm.Origin, "Bucket %s is encrypted with SSE-S3 rather than a customer managed KMS key.", b.Name)
	case !e.Algorithm.IsOneOf("aws:kms", "aws:kms:dsse"):
	case e.KMSKey.CustomerManaged.Is(false):
		r.Fail(b.Resource, e.KMSKey.ID.Origin, "Bucket %s is encrypted with the AWS managed key aws/s3 rather than a customer managed key.", b.Name)
	case e.KMSKey.CustomerManaged.Is(true):
		r.Pass(b.Resource)
	}
}
