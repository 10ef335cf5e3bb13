package backup

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model/aws/backup"
)

var vaultCustomerKey = &check.Check{
	ID:          "AWS-BACKUP-001",
	Slug:        "aws-backup-vault-not-cmk",
	Title:       "Backup vault is not encrypted with a customer managed key",
	Provider:    "aws",
	Service:     "backup",
	Severity:    check.Low,
	Description: "The vault encrypts recovery points with the AWS managed key aws/backup.",
	Rationale: "A customer managed key lets you control in its key policy who may restore or copy recovery points, " +
		"and audit every use in CloudTrail. Cross-account copies also require one.",
	Remediation: check.Remediation{
		Text: "Set kms_key_arn to a customer managed KMS key when creating the vault.",
		Terraform: `resource "aws_backup_vault" "example" {
  name        = "example"
  kms_key_arn = aws_kms_key.backup.arn
}`,
	},
	References:  []string{"https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html"},
	Compliance:  control.CustomerManagedKey(),
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_165"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, v := range in.AWS.Backup.Vaults {
			r.Judge(v.Resource, v.EncryptionKey.CustomerManaged, false, "Backup vault %s is not encrypted with a customer managed key.", v.Name)
		}
	},
}

var vaultLock = &check.Check{
	ID:          "AWS-BACKUP-002",
	Slug:        "aws-backup-vault-not-locked",
	Title:       "Backup vault has no vault lock",
	Provider:    "aws",
	Service:     "backup",
	Severity:    check.Medium,
	Description: "The vault has no AWS Backup Vault Lock configuration, so recovery points can be deleted or their retention shortened.",
	Rationale: "Ransomware operators and malicious insiders delete backups before encrypting or destroying data. A " +
		"vault lock (in compliance mode, once its grace period ends) makes recovery points immutable, even for the root user.",
	Remediation: check.Remediation{
		Text: "Add an aws_backup_vault_lock_configuration with minimum and maximum retention, and changeable_for_days for compliance mode.",
		Terraform: `resource "aws_backup_vault_lock_configuration" "example" {
  backup_vault_name   = aws_backup_vault.example.name
  min_retention_days  = 7
  max_retention_days  = 365
  changeable_for_days = 3
}`,
	},
	References: []string{"https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "CP-9"},
		{Framework: check.FrameworkNIST80053, ID: "AU-9"},
		{Framework: check.FrameworkSOC2, ID: "A1.2"},
		{Framework: check.FrameworkHIPAA, ID: "164.308(a)(7)(ii)(A)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.13"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, v := range in.AWS.Backup.Vaults {
			r.Judge(v.Resource, v.Lock.Enabled, false, "Backup vault %s has no vault lock.", v.Name)
		}
	},
}

// deleteAction is the action that deletes recovery points.
const deleteAction = "backup:DeleteRecoveryPoint"

var vaultPolicyDelete = &check.Check{
	ID:       "AWS-BACKUP-004",
	Slug:     "aws-backup-vault-policy-public-delete",
	Title:    "Backup vault policy lets any principal delete recovery points",
	Provider: "aws",
	Service:  "backup",
	Severity: check.High,
	Description: "The vault's access policy allows backup:DeleteRecoveryPoint to Principal \"*\" (or uses NotPrincipal) without a " +
		"condition that limits it to an organization, account, network or named principal.",
	Rationale: "Any principal in any account that the policy admits can then delete the backups the organisation " +
		"relies on to recover from ransomware or mistakes.",
	Remediation: check.Remediation{
		Text: "Remove the statement, or better, deny backup:DeleteRecoveryPoint to everyone but a break-glass role.",
		Terraform: `data "aws_iam_policy_document" "vault" {
  statement {
    effect    = "Deny"
    actions   = ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle", "backup:PutBackupVaultAccessPolicy"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "ArnNotEquals"
      variable = "aws:PrincipalArn"
      values   = [aws_iam_role.break_glass.arn]
    }
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "CP-9"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.13"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, v := range in.AWS.Backup.Vaults {
			evalPolicyDelete(v, r)
		}
	},
}

func evalPolicyDelete(v *backup.Vault, r *check.Reporter) {
	p := v.Policy
	switch {
	case p.Raw.Is(""):
		r.Pass(v.Resource)
		return
	case !p.Known():
		return
	}
	// An unknown principal, condition or action might make a statement
	// public, or a Deny take the grant back: the vault is then unjudged.
	grants, undecided := p.PublicGrants(deleteAction)
	switch {
	case len(grants) > 0:
		r.Fail(v.Resource, grants[0].Statement.Origin, "Backup vault %s allows any principal to delete recovery points.", v.Name)
	case !undecided:
		r.Pass(v.Resource)
	}
}
