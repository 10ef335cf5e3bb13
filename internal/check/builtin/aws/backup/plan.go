package backup

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model/aws/backup"
)

// minRetentionDays is the shortest retention that still covers a problem
// found after a weekend or a holiday.
const minRetentionDays = 7

var shortRetention = &check.Check{
	ID:          "AWS-BACKUP-003",
	Slug:        "aws-backup-plan-short-retention",
	Title:       "Backup plan keeps recovery points for less than 7 days",
	Provider:    "aws",
	Service:     "backup",
	Severity:    check.Low,
	Description: "A rule of the backup plan deletes its recovery points less than 7 days after creating them.",
	Rationale: "Corruption, deletion or a ransomware attack is often noticed days later; by then recovery points " +
		"with a very short lifecycle are gone and the last good state cannot be restored.",
	Remediation: check.Remediation{
		Text: "Set lifecycle.delete_after to at least 7 days (35 or more is common for production data).",
		Terraform: `resource "aws_backup_plan" "example" {
  name = "example"
  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.example.name
    schedule          = "cron(0 5 * * ? *)"
    lifecycle {
      delete_after = 35
    }
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/aws-backup/latest/devguide/creating-a-backup-plan.html"},
	Compliance: control.Recovery(),
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, p := range in.AWS.Backup.Plans {
			evalRetention(p, r)
		}
	},
}

func evalRetention(p *backup.Plan, r *check.Reporter) {
	judged, failed := p.RulesKnown, false
	for _, rule := range p.Rules {
		d, ok := rule.DeleteAfterDays.Get()
		switch {
		case !ok:
			judged = false
		case d > 0 && d < minRetentionDays:
			failed = true
			r.Fail(p.Resource, rule.DeleteAfterDays.Origin, "Backup plan %s rule %s deletes recovery points after %d day(s).", p.Name, rule.RuleName.Val(), d)
		}
	}
	if judged && !failed {
		r.Pass(p.Resource)
	}
}
