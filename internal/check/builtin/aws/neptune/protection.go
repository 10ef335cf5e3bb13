package neptune

import (
	"github.com/vigil-sec/vigil/internal/check"
)

var iamAuth = &check.Check{
	ID:       "AWS-NEPTUNE-004",
	Slug:     "aws-neptune-iam-auth-disabled",
	Title:    "Neptune cluster does not require IAM database authentication",
	Provider: "aws",
	Service:  "neptune",
	Severity: check.Medium,
	Description: "IAM database authentication is not enabled on the Neptune DB cluster. Neptune has no database users or " +
		"passwords: without IAM authentication, every client that reaches the endpoint can read and change all data.",
	Rationale: "With IAM authentication off, the security group is the only control on a database that answers any " +
		"query from any host that reaches it: one compromised instance in the VPC, one over-broad rule or peering " +
		"link exposes the whole graph. IAM authentication requires every request to be signed by an identity whose " +
		"policy allows neptune-db actions, and records who connected.",
	Remediation: check.Remediation{
		Text: "Set iam_database_authentication_enabled to true and grant the applications neptune-db:* actions on the cluster's resource ID; clients then sign requests with SigV4.",
		Terraform: `resource "aws_neptune_cluster" "example" {
  # ...
  iam_database_authentication_enabled = true
}`,
	},
	References: []string{"https://docs.aws.amazon.com/neptune/latest/userguide/iam-auth.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "IA-2"},
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkPCIDSS40, ID: "8.3.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(d)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.5"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_359"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.Neptune.Clusters {
			r.Judge(c.Resource, c.IAMAuth, false, "Neptune cluster %s does not require IAM database authentication.", c.Name)
		}
	},
}

// minBackupDays is the automated backup retention below which a cluster
// fails, as for RDS (AWS-RDS-003).
const minBackupDays = 7

var backupRetention = &check.Check{
	ID:          "AWS-NEPTUNE-005",
	Slug:        "aws-neptune-backup-retention-short",
	Title:       "Neptune automated backups are kept for less than 7 days",
	Provider:    "aws",
	Service:     "neptune",
	Severity:    check.Medium,
	Description: "The Neptune DB cluster keeps automated backups for fewer than 7 days (backup_retention_period defaults to 1).",
	Rationale: "Corruption, a bad migration or a malicious deletion is often noticed days later. With one day of " +
		"backups, the point in time before the damage is already gone.",
	Remediation: check.Remediation{
		Text: "Set backup_retention_period to at least 7 (up to 35) days.",
		Terraform: `resource "aws_neptune_cluster" "example" {
  # ...
  backup_retention_period = 7
}`,
	},
	References: []string{"https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-overview-backup-window.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "CP-9"},
		{Framework: check.FrameworkSOC2, ID: "A1.2"},
		{Framework: check.FrameworkISO27001, ID: "A.8.13"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_361"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.Neptune.Clusters {
			switch days := c.BackupRetentionDays; {
			case !days.Known():
			case days.Val() < minBackupDays:
				r.Fail(c.Resource, days.Origin, "Neptune cluster %s keeps automated backups for %d day(s).", c.Name, days.Val())
			default:
				r.Pass(c.Resource)
			}
		}
	},
}

var deletionProtection = &check.Check{
	ID:          "AWS-NEPTUNE-006",
	Slug:        "aws-neptune-deletion-protection-disabled",
	Title:       "Neptune deletion protection is not enabled",
	Provider:    "aws",
	Service:     "neptune",
	Severity:    check.Low,
	Description: "The Neptune DB cluster can be deleted without first turning deletion protection off.",
	Rationale: "Deletion protection stops a mistaken terraform destroy, console click or compromised automation from " +
		"deleting a production graph database in one call.",
	Remediation: check.Remediation{
		Text: "Set deletion_protection to true on production clusters.",
		Terraform: `resource "aws_neptune_cluster" "example" {
  # ...
  deletion_protection = true
}`,
	},
	References: []string{"https://docs.aws.amazon.com/neptune/latest/userguide/manage-console-instances-delete.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "CP-9"},
		{Framework: check.FrameworkNIST80053, ID: "SI-12"},
		{Framework: check.FrameworkSOC2, ID: "A1.2"},
		{Framework: check.FrameworkISO27001, ID: "A.8.13"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.Neptune.Clusters {
			r.Judge(c.Resource, c.DeletionProtection, false, "Neptune cluster %s does not have deletion protection enabled.", c.Name)
		}
	},
}
