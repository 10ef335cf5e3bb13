package neptune

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
)

var storageEncryption = &check.Check{
	ID:          "AWS-NEPTUNE-001",
	Slug:        "aws-neptune-storage-not-encrypted",
	Title:       "Neptune cluster storage is not encrypted",
	Provider:    "aws",
	Service:     "neptune",
	Severity:    check.High,
	Description: "The Neptune DB cluster stores its data, automated backups and snapshots unencrypted (storage_encrypted defaults to false).",
	Rationale: "A graph database holds data together with its relationships (people, accounts, devices, fraud rings). " +
		"Unencrypted, every snapshot shared or copied by mistake and every disk AWS retires exposes all of it, and " +
		"encryption cannot be turned on later: the cluster has to be restored from a snapshot into a new, encrypted one.",
	Remediation: check.Remediation{
		Text: "Create the cluster with storage_encrypted = true and a customer managed key; for an existing cluster, " +
			"restore a snapshot into a new cluster with encryption enabled.",
		Terraform: `resource "aws_neptune_cluster" "example" {
  # ...
  storage_encrypted = true
  kms_key_arn       = aws_kms_key.neptune.arn
}`,
	},
	References: []string{"https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html"},
	Compliance: control.EncryptionAtRest(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0076"},
		Tfsec:   []string{"aws-neptune-enable-storage-encryption"},
		Checkov: []string{"CKV_AWS_44"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.Neptune.Clusters {
			r.Judge(c.Resource, c.Encryption.Enabled, false, "Neptune cluster %s does not encrypt its storage.", c.Name)
		}
	},
}

var customerKey = &check.Check{
	ID:          "AWS-NEPTUNE-002",
	Slug:        "aws-neptune-not-cmk",
	Title:       "Neptune cluster is not encrypted with a customer managed key",
	Provider:    "aws",
	Service:     "neptune",
	Severity:    check.Low,
	Description: "The encrypted Neptune DB cluster uses the AWS managed key aws/rds rather than a customer managed KMS key. Unencrypted clusters are reported by AWS-NEPTUNE-001.",
	Rationale: "Only a customer managed key lets you restrict in its key policy who may decrypt the cluster and its " +
		"snapshots, share encrypted snapshots with another account, audit every use in CloudTrail, and revoke access " +
		"by disabling the key. The AWS managed key is usable by anyone in the account with Neptune access.",
	Remediation: check.Remediation{
		Text: "Set kms_key_arn to a customer managed KMS key when creating the cluster (the key cannot be changed afterwards; restore a snapshot into a new cluster).",
		Terraform: `resource "aws_neptune_cluster" "example" {
  # ...
  storage_encrypted = true
  kms_key_arn       = aws_kms_key.neptune.arn
}`,
	},
	References: []string{"https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html"},
	Compliance: control.CustomerManagedKey(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0128"},
		Tfsec:   []string{"aws-neptune-encryption-customer-key"},
		Checkov: []string{"CKV_AWS_347"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.Neptune.Clusters {
			if !c.Encryption.Enabled.Is(true) {
				continue
			}
			r.Judge(c.Resource, c.Encryption.Key.CustomerManaged, false, "Neptune cluster %s is not encrypted with a customer managed key.", c.Name)
		}
	},
}
