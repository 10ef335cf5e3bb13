package rds

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model"
)

// minBackupDays is the shortest retention that still covers a problem found
// after a weekend or a holiday.
const minBackupDays = 7

var backupRetention = &check.Check{
	ID:          "AWS-RDS-003",
	Slug:        "aws-rds-backup-retention-too-short",
	Title:       "RDS automated backups are kept for less than 7 days",
	Provider:    "aws",
	Service:     "rds",
	Severity:    check.Medium,
	Description: "The DB instance or DB cluster keeps automated backups for fewer than 7 days, or has them disabled (0).",
	Rationale: "Automated backups give point-in-time recovery. Corruption, a bad migration or a destructive attack " +
		"is often noticed days later; with a short retention the last good state is already gone, and with 0 the " +
		"database cannot be restored at all. The API default is a single day.",
	Remediation: check.Remediation{
		Text: "Set backup_retention_period to at least 7 (up to 35) days.",
		Terraform: `resource "aws_db_instance" "example" {
  # ...
  backup_retention_period = 14
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html"},
	Compliance: control.Recovery(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0077"},
		Tfsec:   []string{"aws-rds-specify-backup-retention"},
		Checkov: []string{"CKV_AWS_133"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, i := range in.AWS.RDS.Instances {
			// A replica's data is backed up through its source.
			if i.IsStandalone() {
				evalRetention(r, i.Resource, "DB instance", i.BackupRetentionDays)
			}
		}
		for _, c := range in.AWS.RDS.Clusters {
			evalRetention(r, c.Resource, "DB cluster", c.BackupRetentionDays)
		}
	},
}

func evalRetention(r *check.Reporter, res model.Resource, kind string, days model.Int) {
	d, ok := days.Get()
	switch {
	case !ok:
	case d == 0:
		r.Fail(res, days.Origin, "%s %s has automated backups disabled.", kind, res.Name)
	case d < minBackupDays:
		r.Fail(res, days.Origin, "%s %s keeps automated backups for only %d day(s).", kind, res.Name, d)
	default:
		r.Pass(res)
	}
}
