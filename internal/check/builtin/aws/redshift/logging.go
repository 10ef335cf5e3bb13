package redshift

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model/aws/redshift"
)

var auditLogging = &check.Check{
	ID:          "AWS-REDSHIFT-004",
	Slug:        "aws-redshift-audit-logging-disabled",
	Title:       "Redshift audit logging is not enabled",
	Provider:    "aws",
	Service:     "redshift",
	Severity:    check.Medium,
	Description: "The cluster or serverless namespace does not export its connection, user and user-activity logs.",
	Rationale: "Audit logs record who connected, from where, and what they ran. Without them, investigating a leak " +
		"or misuse of warehouse data has nothing to go on; the in-database system tables keep only a few days.",
	Remediation: check.Remediation{
		Text: "Add an aws_redshift_logging resource for the cluster (or log_exports for a serverless namespace).",
		Terraform: `resource "aws_redshift_logging" "example" {
  cluster_identifier   = aws_redshift_cluster.example.id
  log_destination_type = "cloudwatch"
  log_exports          = ["connectionlog", "userlog", "useractivitylog"]
}`,
	},
	References:  []string{"https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html"},
	Compliance:  control.AuditLogging(),
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_71"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.Redshift.Clusters {
			r.Judge(c.Resource, c.Logging.Enabled, false, "Redshift cluster %s does not have audit logging enabled.", c.Name)
		}
		for _, n := range in.AWS.Redshift.Namespaces {
			switch l := n.LogExports; {
			case l.IsEmpty():
				r.Fail(n.Resource, l.Origin, "Redshift Serverless namespace %s does not export audit logs.", n.Name)
			case l.Known():
				r.Pass(n.Resource)
			}
		}
	},
}

var requireSSL = &check.Check{
	ID:          "AWS-REDSHIFT-006",
	Slug:        "aws-redshift-ssl-not-required",
	Title:       "Redshift does not require SSL connections",
	Provider:    "aws",
	Service:     "redshift",
	Severity:    check.Medium,
	Description: "The cluster's parameter group, or the serverless workgroup, sets require_ssl to false, so clients may connect in plain text.",
	Rationale: "Without enforcement, a misconfigured client silently sends credentials and query results unencrypted " +
		"across the network, where they can be captured or altered.",
	Remediation: check.Remediation{
		Text: "Set require_ssl to true in the cluster parameter group (or the workgroup's config_parameter).",
		Terraform: `resource "aws_redshift_parameter_group" "example" {
  name   = "example"
  family = "redshift-2.0"

  parameter {
    name  = "require_ssl"
    value = "true"
  }
}`,
	},
	References:  []string{"https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html"},
	Compliance:  control.EncryptionInTransit(),
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_105"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.Redshift.Clusters {
			if c.ParameterGroup != nil {
				evalClusterSSL(c, r)
			}
		}
		for _, w := range in.AWS.Redshift.Workgroups {
			r.Judge(w.Resource, w.RequireSSL, false, "Redshift Serverless workgroup %s does not require SSL connections.", w.Name)
		}
	},
}

// evalClusterSSL judges only an explicit require_ssl: the default of a new
// parameter group has changed over time.
func evalClusterSSL(c *redshift.Cluster, r *check.Reporter) {
	g := c.ParameterGroup
	v, ok := g.Parameter("require_ssl")
	if !ok {
		return
	}
	switch s, known := v.Get(); {
	case !known:
	case strings.EqualFold(s, "false") || strings.EqualFold(s, "off") || s == "0":
		r.Fail(c.Resource, v.Origin, "Redshift cluster %s does not require SSL: parameter group %s sets require_ssl to %q.", c.Name, g.Name, s)
	default:
		r.Pass(c.Resource)
	}
}
