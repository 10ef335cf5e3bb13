package rds

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

var performanceInsightsKey = &check.Check{
	ID:          "AWS-RDS-007",
	Slug:        "aws-rds-performance-insights-not-cmk",
	Title:       "RDS Performance Insights data is not encrypted with a customer managed key",
	Provider:    "aws",
	Service:     "rds",
	Severity:    check.Low,
	Description: "Performance Insights is enabled and its data is encrypted with the AWS managed key aws/rds.",
	Rationale: "Performance Insights keeps query text, which often contains data values. A customer managed key lets " +
		"you restrict and audit who can decrypt it and revoke access by disabling the key; the AWS managed key " +
		"is usable by anyone in the account with RDS access.",
	Remediation: check.Remediation{
		Text: "Set performance_insights_kms_key_id to a customer managed KMS key.",
		Terraform: `resource "aws_db_instance" "example" {
  # ...
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.rds.arn
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.access-control.cmk-policy.html"},
	Compliance: control.CustomerManagedKey(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0078"},
		Tfsec:   []string{"aws-rds-enable-performance-insights-encryption"},
		Checkov: []string{"CKV_AWS_354"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, i := range in.AWS.RDS.Instances {
			evalInsightsKey(r, i.Resource, "DB instance", i.PerformanceInsights.Enabled, i.PerformanceInsights.Key)
		}
		for _, c := range in.AWS.RDS.Clusters {
			evalInsightsKey(r, c.Resource, "DB cluster", c.PerformanceInsights.Enabled, c.PerformanceInsights.Key)
		}
	},
}

func evalInsightsKey(r *check.Reporter, res model.Resource, kind string, enabled model.Bool, key kms.KeyRef) {
	if !enabled.Is(true) {
		return
	}
	r.Judge(res, key.CustomerManaged, false, "%s %s encrypts Performance Insights data with the AWS managed key.", kind, res.Name)
}

var logExports = &check.Check{
	ID:          "AWS-RDS-008",
	Slug:        "aws-rds-logs-not-exported",
	Title:       "RDS database logs are not exported to CloudWatch Logs",
	Provider:    "aws",
	Service:     "rds",
	Severity:    check.Medium,
	Description: "The DB instance or DB cluster publishes none of its engine logs (error, audit, general, postgresql...) to CloudWatch Logs.",
	Rationale: "Logs kept only on the instance rotate away quickly and vanish with it. Exported logs are retained, " +
		"searchable and alarmable, which incident response and audits depend on.",
	Remediation: check.Remediation{
		Text: "List the engine's log types in enabled_cloudwatch_logs_exports (for example audit, error and slowquery " +
			"for MySQL, postgresql for PostgreSQL).",
		Terraform: `resource "aws_db_instance" "example" {
  # ...
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
}`,
	},
	References:  []string{"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html"},
	Compliance:  control.AuditLogging(),
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_129"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, i := range in.AWS.RDS.Instances {
			if !i.ClusterMember {
				evalLogExports(r, i.Resource, "DB instance", i.LogExports)
			}
		}
		for _, c := range in.AWS.RDS.Clusters {
			evalLogExports(r, c.Resource, "DB cluster", c.LogExports)
		}
	},
}

func evalLogExports(r *check.Reporter, res model.Resource, kind string, logs model.List[string]) {
	switch {
	case logs.IsEmpty():
		r.Fail(res, logs.Origin, "%s %s does not export any logs to CloudWatch Logs.", kind, res.Name)
	case logs.Known():
		r.Pass(res)
	}
}
