package rds

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
)

var iamAuthentication = &check.Check{
	ID:          "AWS-RDS-004",
	Slug:        "aws-rds-iam-auth-disabled",
	Title:       "RDS IAM database authentication is not enabled",
	Provider:    "aws",
	Service:     "rds",
	Severity:    check.Low,
	Description: "The MySQL, MariaDB or PostgreSQL database only accepts database passwords, not IAM authentication tokens.",
	Rationale: "IAM database authentication replaces long-lived database passwords with 15-minute tokens tied to IAM " +
		"identities, so access is granted, audited and revoked centrally and no password sits in application config.",
	Remediation: check.Remediation{
		Text: "Set iam_database_authentication_enabled to true and create database users mapped to IAM roles.",
		Terraform: `resource "aws_db_instance" "example" {
  # ...
  iam_database_authentication_enabled = true
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "IA-2"},
		{Framework: check.FrameworkNIST80053, ID: "AC-2"},
		{Framework: check.FrameworkPCIDSS40, ID: "8.3.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.5"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0176"},
		Tfsec:   []string{"aws-rds-enable-iam-auth"},
		Checkov: []string{"CKV_AWS_161", "CKV_AWS_162"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, i := range in.AWS.RDS.Instances {
			if !i.ClusterMember && supportsIAMAuth(i.Engine) {
				r.Judge(i.Resource, i.IAMAuthentication, false, "DB instance %s does not enable IAM database authentication.", i.Name)
			}
		}
		for _, c := range in.AWS.RDS.Clusters {
			if supportsIAMAuth(c.Engine) {
				r.Judge(c.Resource, c.IAMAuthentication, false, "DB cluster %s does not enable IAM database authentication.", c.Name)
			}
		}
	},
}

// supportsIAMAuth reports whether the engine is known to support IAM
// database authentication (Oracle, SQL Server and Db2 do not).
func supportsIAMAuth(engine model.String) bool {
	e, ok := engine.Get()
	return ok && (e == "mysql" || e == "mariadb" || e == "postgres" || strings.HasPrefix(e, "aurora"))
}

var deletionProtection = &check.Check{
	ID:          "AWS-RDS-005",
	Slug:        "aws-rds-deletion-protection-disabled",
	Title:       "RDS deletion protection is not enabled",
	Provider:    "aws",
	Service:     "rds",
	Severity:    check.Low,
	Description: "The DB instance or DB cluster can be deleted without first turning deletion protection off.",
	Rationale: "Deletion protection stops a mistaken terraform destroy, console click or compromised automation from " +
		"deleting a production database in one call.",
	Remediation: check.Remediation{
		Text: "Set deletion_protection to true on production databases.",
		Terraform: `resource "aws_db_instance" "example" {
  # ...
  deletion_protection = true
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "CP-9"},
		{Framework: check.FrameworkNIST80053, ID: "SI-12"},
		{Framework: check.FrameworkSOC2, ID: "A1.2"},
		{Framework: check.FrameworkISO27001, ID: "A.8.13"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0177", "AVD-AWS-0343"},
		Tfsec:   []string{"aws-rds-enable-deletion-protection"},
		Checkov: []string{"CKV_AWS_293", "CKV_AWS_139"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, i := range in.AWS.RDS.Instances {
			if i.IsStandalone() {
				r.Judge(i.Resource, i.DeletionProtection, false, "DB instance %s does not have deletion protection enabled.", i.Name)
			}
		}
		for _, c := range in.AWS.RDS.Clusters {
			r.Judge(c.Resource, c.DeletionProtection, false, "DB cluster %s does not have deletion protection enabled.", c.Name)
		}
	},
}

var multiAZ = &check.Check{
	ID:          "AWS-RDS-011",
	Slug:        "aws-rds-multi-az-disabled",
	Title:       "RDS DB instance is not Multi-AZ",
	Provider:    "aws",
	Service:     "rds",
	Severity:    check.Low,
	Description: "The DB instance runs in a single Availability Zone with no standby.",
	Rationale: "Without a standby in another Availability Zone, an AZ outage, a host failure or even routine " +
		"maintenance makes the database unavailable until it is restored or rebooted.",
	Remediation: check.Remediation{
		Text: "Set multi_az to true for production databases.",
		Terraform: `resource "aws_db_instance" "example" {
  # ...
  multi_az = true
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "CP-10"},
		{Framework: check.FrameworkSOC2, ID: "A1.2"},
		{Framework: check.FrameworkISO27001, ID: "A.8.14"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_157"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, i := range in.AWS.RDS.Instances {
			// SQL Server Express has no Multi-AZ option.
			if i.IsStandalone() && !i.Engine.Is("sqlserver-ex") {
				r.Judge(i.Resource, i.MultiAZ, false, "DB instance %s is not deployed across multiple Availability Zones.", i.Name)
			}
		}
	},
}
