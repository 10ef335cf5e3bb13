package rds

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
)

var storageEncryption = &check.Check{
	ID:          "AWS-RDS-001",
	Slug:        "aws-rds-storage-not-encrypted",
	Title:       "RDS storage is not encrypted",
	Provider:    "aws",
	Service:     "rds",
	Severity:    check.High,
	Description: "The DB instance or DB cluster stores its data, automated backups, snapshots and logs unencrypted.",
	Rationale: "Unencrypted database storage exposes every record to anyone who obtains a copy of the volume or a " +
		"snapshot, for example through a snapshot shared by mistake. Encryption cannot be turned on for an " +
		"existing instance: it takes a snapshot copy and a restore, so it should be set at creation.",
	Remediation: check.Remediation{
		Text: "Set storage_encrypted to true (and kms_key_id to a customer managed key) when creating the database; " +
			"for an existing one, copy a snapshot with encryption and restore from it.",
		Terraform: `resource "aws_db_instance" "example" {
  # ...
  storage_encrypted = true
  kms_key_id        = aws_kms_key.rds.arn
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html"},
	Compliance: control.EncryptionAtRest(check.Control{Framework: check.FrameworkCISAWS30, ID: "2.3.1"}),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0080", "AVD-AWS-0079"},
		Tfsec:   []string{"aws-rds-encrypt-instance-storage-data", "aws-rds-encrypt-cluster-storage-data"},
		Checkov: []string{"CKV_AWS_16", "CKV_AWS_96"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, i := range in.AWS.RDS.Instances {
			if !i.ClusterMember {
				r.Judge(i.Resource, i.StorageEncryption.Enabled, false, "DB instance %s does not encrypt its storage.", i.Name)
			}
		}
		for _, c := range in.AWS.RDS.Clusters {
			r.Judge(c.Resource, c.StorageEncryption.Enabled, false, "DB cluster %s does not encrypt its storage.", c.Name)
		}
	},
}
