package ec2

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
)

var volumeUnencrypted = &check.Check{
	ID:          "AWS-EC2-013",
	Slug:        "aws-ec2-ebs-volume-unencrypted",
	Title:       "EBS volume is not encrypted",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.Medium,
	Description: "The EBS volume is not encrypted, and neither its source snapshot nor the account's default EBS encryption, as declared in the configuration, encrypts it.",
	Rationale:   unencryptedRationale,
	Remediation: check.Remediation{
		Text: "Set encrypted = true on the volume (an existing volume must be replaced through an encrypted snapshot copy), or enable EBS encryption by default.",
		Terraform: `resource "aws_ebs_volume" "example" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}`,
	},
	References: ebsEncryptionReferences,
	Compliance: encryptionCompliance(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0026"},
		Tfsec:   []string{"aws-ec2-enable-volume-encryption"},
		Checkov: []string{"CKV_AWS_3"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, v := range in.AWS.EC2.Volumes {
			r.Judge(v.Resource, v.Encrypted, false, "EBS volume %s is not encrypted.", v.Name)
		}
	},
}

var volumeNoCMK = &check.Check{
	ID:          "AWS-EC2-014",
	Slug:        "aws-ec2-ebs-volume-no-cmk",
	Title:       "EBS volume is not encrypted with a customer managed key",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.Low,
	Description: "The encrypted EBS volume uses the AWS managed aws/ebs key rather than a customer managed KMS key.",
	Rationale:   "With the AWS managed key anyone in the account with EBS permissions can use the data, the key policy cannot be narrowed, encrypted snapshots cannot be shared with other accounts, and the key cannot be disabled to cut off access. A customer managed key adds a key policy and auditable grants.",
	Remediation: check.Remediation{
		Text: "Encrypt the volume with a customer managed KMS key, or set one as the account's default EBS key.",
		Terraform: `resource "aws_ebs_volume" "example" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html#ebs-encryption-keys",
		"https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#customer-cmk",
	},
	Compliance: control.CustomerManagedKey(),
	Equivalents: check.Equivalents{
		AVD:   []string{"AVD-AWS-0027"},
		Tfsec: []string{"aws-ec2-volume-encryption-customer-key"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, v := range in.AWS.EC2.Volumes {
			if !v.Encrypted.Is(true) {
				continue
			}
			r.Judge(v.Resource, v.EncryptionKey.CustomerManaged, false, "EBS volume %s is encrypted with the AWS managed key, not a customer managed key.", v.Name)
		}
	},
}

var ebsDefaultEncryption = &check.Check{
	ID:          "AWS-EC2-015",
	Slug:        "aws-ec2-ebs-default-encryption-disabled",
	Title:       "EBS encryption by default is disabled",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.Medium,
	Description: "The account-level setting that encrypts every new EBS volume and snapshot copy in the region is turned off.",
	Rationale:   "Encryption by default guarantees that no volume is created unencrypted, whatever tool or person creates it. Without it, every launch path (consoles, scripts, Auto Scaling, third-party tools) must remember to ask for encryption.",
	Remediation: check.Remediation{
		Text: "Enable EBS encryption by default in every region used.",
		Terraform: `resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}`,
	},
	References: []string{"https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html"},
	Compliance: append([]check.Control{{Framework: check.FrameworkCISAWS30, ID: "2.2.1"}}, encryptionCompliance()...),
	Equivalents: check.Equivalents{
		Checkov: []string{"CKV_AWS_106"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, e := range in.AWS.EC2.EBSEncryptionByDefault {
			r.Judge(e.Resource, e.Enabled, false, "EBS encryption by default is disabled by %s.", e.Name)
		}
	},
}

var snapshotUnencrypted = &check.Check{
	ID:          "AWS-EC2-016",
	Slug:        "aws-ec2-ebs-snapshot-unencrypted",
	Title:       "EBS snapshot is not encrypted",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.Medium,
	Description: "The EBS snapshot, or snapshot copy, is not encrypted: it was taken from an unencrypted volume, or copied without encryption.",
	Rationale:   "Snapshots are the easiest way to move a disk's data out of an account: an unencrypted snapshot shared with, or copied to, another account can be read there without any KMS permission. Encrypted snapshots can only be used by principals the key policy allows.",
	Remediation: check.Remediation{
		Text: "Encrypt the source volume, or copy the snapshot with encryption and delete the unencrypted one.",
		Terraform: `resource "aws_ebs_snapshot_copy" "example" {
  source_snapshot_id = aws_ebs_snapshot.example.id
  source_region      = "us-east-1"
  encrypted          = true
  kms_key_id         = aws_kms_key.ebs.arn
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
		"https://docs.aws.amazon.com/ebs/latest/userguide/ebs-copy-snapshot.html",
	},
	Compliance:  encryptionCompliance(),
	Equivalents: check.Equivalents{},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, s := range in.AWS.EC2.Snapshots {
			r.Judge(s.Resource, s.Encrypted, false, "EBS snapshot %s is not encrypted.", s.Name)
		}
	},
}
