package neptune

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
)

var auditLogs = &check.Check{
	ID:       "AWS-NEPTUNE-003",
	Slug:     "aws-neptune-audit-logs-not-exported",
	Title:    "Neptune cluster does not export audit logs to CloudWatch Logs",
	Provider: "aws",
	Service:  "neptune",
	Severity: check.Medium,
	Description: "The Neptune DB cluster's enable_cloudwatch_logs_exports does not include \"audit\". Audit records are " +
		"only written when the cluster parameter group also sets neptune_enable_audit_log to 1.",
	Rationale: "Neptune audit logs record every query and who sent it. Without them in CloudWatch Logs, where they are " +
		"retained, searchable and alarmable, there is no trace of data read or changed by a compromised client.",
	Remediation: check.Remediation{
		Text: "Add \"audit\" to enable_cloudwatch_logs_exports and set neptune_enable_audit_log = 1 in the cluster parameter group.",
		Terraform: `resource "aws_neptune_cluster_parameter_group" "audit" {
  family = "neptune1.3"
  name   = "audit"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster" "example" {
  # ...
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.audit.name
  enable_cloudwatch_logs_exports       = ["audit"]
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/neptune/latest/userguide/auditing.html",
		"https://docs.aws.amazon.com/neptune/latest/userguide/cloudwatch-logs.html",
	},
	Compliance: control.AuditLogging(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0075"},
		Tfsec:   []string{"aws-neptune-enable-log-export"},
		Checkov: []string{"CKV_AWS_101"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.Neptune.Clusters {
			switch logs := c.LogExports; {
			case logs.Contains("audit"):
				r.Pass(c.Resource)
			case logs.Complete():
				r.Fail(c.Resource, logs.Origin, "Neptune cluster %s does not export audit logs to CloudWatch Logs.", c.Name)
			}
		}
	},
}
