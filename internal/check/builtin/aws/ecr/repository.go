package ecr

import (
	"github.com/vigil-sec/vigil/internal/check"
)

var mutableTags = &check.Check{
	ID:          "AWS-ECR-002",
	Slug:        "aws-ecr-tags-mutable",
	Title:       "ECR repository allows image tags to be overwritten",
	Provider:    "aws",
	Service:     "ecr",
	Severity:    check.Medium,
	Description: "The repository's image tags are mutable: pushing an image with an existing tag silently replaces the image the tag points to.",
	Rationale: "With mutable tags, whoever can push to the repository can swap the image behind a tag such as v1.4.2 that deployments " +
		"trust, and the change goes unnoticed; immutable tags make every tag name one image, so a deployed version is the tested one.",
	Remediation: check.Remediation{
		Text: "Set image tag mutability to IMMUTABLE (or IMMUTABLE_WITH_EXCLUSION for a few moving tags such as latest) and deploy by tag or digest.",
		Terraform: `resource "aws_ecr_repository" "example" {
  name                 = "example"
  image_tag_mutability = "IMMUTABLE"
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SI-7"},
		{Framework: check.FrameworkNIST80053, ID: "CM-5"},
		{Framework: check.FrameworkSOC2, ID: "CC8.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.32"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0031"},
		Tfsec:   []string{"aws-ecr-enforce-immutable-repository"},
		Checkov: []string{"CKV_AWS_51"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, repo := range in.AWS.ECR.Repositories {
			switch m := repo.TagMutability; {
			case m.IsOneOf("MUTABLE", "MUTABLE_WITH_EXCLUSION"):
				r.Fail(repo.Resource, m.Origin, "Repository %s allows image tags to be overwritten.", repo.Name)
			case m.Known():
				r.Pass(repo.Resource)
			}
		}
	},
}

var customerKey = &check.Check{
	ID:       "AWS-ECR-003",
	Slug:     "aws-ecr-not-encrypted-with-cmk",
	Title:    "ECR repository is not encrypted with a customer managed KMS key",
	Provider: "aws",
	Service:  "ecr",
	Severity: check.Low,
	Description: "The repository's images are encrypted with the AWS owned AES-256 key or the AWS managed aws/ecr key rather than a " +
		"customer managed KMS key.",
	Rationale: "A customer managed key puts decryption under a key policy you control, so access to images can be restricted, audited in " +
		"CloudTrail per use and revoked by disabling the key; with AWS owned or managed keys, anyone with ECR pull permissions can read them.",
	Remediation: check.Remediation{
		Text: "Create the repository with KMS encryption and a customer managed key (the encryption settings of a repository cannot be changed after creation).",
		Terraform: `resource "aws_ecr_repository" "example" {
  name = "example"
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.ecr.arn
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-28"},
		{Framework: check.FrameworkNIST80053, ID: "SC-12"},
		{Framework: check.FrameworkPCIDSS40, ID: "3.6.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(a)(2)(iv)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0033"},
		Tfsec:   []string{"aws-ecr-repository-customer-key"},
		Checkov: []string{"CKV_AWS_136"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, repo := range in.AWS.ECR.Repositories {
			enc := repo.Encryption
			switch {
			case enc.Type.Is("AES256"):
				r.Fail(repo.Resource, enc.Type.Origin, "Repository %s is encrypted with an AWS owned key, not a customer managed KMS key.", repo.Name)
			case enc.Type.IsOneOf("KMS", "KMS_DSSE") && enc.Key.CustomerManaged.Is(false):
				r.Fail(repo.Resource, enc.Key.CustomerManaged.Origin, "Repository %s is encrypted with the AWS managed key, not a customer managed KMS key.", repo.Name)
			case enc.Type.Known() && enc.Key.CustomerManaged.Is(true):
				r.Pass(repo.Resource)
			}
		}
	},
}
