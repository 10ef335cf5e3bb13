package efs

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
)

var encryption = &check.Check{
	ID:          "AWS-EFS-001",
	Slug:        "aws-efs-not-encrypted",
	Title:       "EFS file system is not encrypted at rest",
	Provider:    "aws",
	Service:     "efs",
	Severity:    check.High,
	Description: "The file system stores its data and metadata unencrypted.",
	Rationale: "Shared file systems collect application data, exports and user files. Encryption at rest can only be " +
		"chosen when the file system is created; the API, unlike the console, leaves it off.",
	Remediation: check.Remediation{
		Text: "Create the file system with encrypted set to true (and a customer managed kms_key_id), then copy the data across.",
		Terraform: `resource "aws_efs_file_system" "example" {
  encrypted  = true
  kms_key_id = aws_kms_key.efs.arn
}`,
	},
	References: []string{"https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html"},
	Compliance: control.EncryptionAtRest(check.Control{Framework: check.FrameworkCISAWS30, ID: "2.4.1"}),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0037"},
		Tfsec:   []string{"aws-efs-enable-at-rest-encryption"},
		Checkov: []string{"CKV_AWS_42"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, f := range in.AWS.EFS.FileSystems {
			r.Judge(f.Resource, f.Encryption.Enabled, false, "EFS file system %s is not encrypted at rest.", f.Name)
		}
	},
}

var backup = &check.Check{
	ID:          "AWS-EFS-002",
	Slug:        "aws-efs-backup-disabled",
	Title:       "EFS automatic backups are not enabled",
	Provider:    "aws",
	Service:     "efs",
	Severity:    check.Low,
	Description: "The file system is not covered by EFS automatic backups (AWS Backup's default daily plan).",
	Rationale: "Files deleted or encrypted by mistake or by ransomware cannot be recovered without a backup. File " +
		"systems created through the API have automatic backups off.",
	Remediation: check.Remediation{
		Text: "Add an aws_efs_backup_policy with status ENABLED, or include the file system in an AWS Backup plan.",
		Terraform: `resource "aws_efs_backup_policy" "example" {
  file_system_id = aws_efs_file_system.example.id
  backup_policy {
    status = "ENABLED"
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html#automatic-backups"},
	Compliance: control.Recovery(),
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, f := range in.AWS.EFS.FileSystems {
			r.Judge(f.Resource, f.BackupEnabled, false, "EFS file system %s does not have automatic backups enabled.", f.Name)
		}
	},
}
