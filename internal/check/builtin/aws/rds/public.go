package rds

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/rds"
)

var publicAccess = &check.Check{
	ID:          "AWS-RDS-002",
	Slug:        "aws-rds-publicly-accessible",
	Title:       "RDS DB instance is publicly accessible",
	Provider:    "aws",
	Service:     "rds",
	Severity:    check.High,
	Description: "The DB instance has a public IP address and a DNS name that resolves to it from the internet.",
	Rationale: "A publicly accessible database is one security group rule away from the internet, where database " +
		"ports are scanned continuously for weak credentials and unpatched engines. Applications reach databases " +
		"from inside the VPC; public access is rarely needed.",
	Remediation: check.Remediation{
		Text: "Set publicly_accessible to false and reach the database from inside the VPC (or through a bastion, " +
			"VPN or Session Manager port forwarding).",
		Terraform: `resource "aws_db_instance" "example" {
  # ...
  publicly_accessible = false
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkCISAWS30, ID: "2.3.3"},
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "SC-7"},
		{Framework: check.FrameworkPCIDSS40, ID: "1.4.4"},
		{Framework: check.FrameworkSOC2, ID: "CC6.6"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(e)(1)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.20"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0180", "AVD-AWS-0082"},
		Tfsec:   []string{"aws-rds-enable-public-access", "aws-rds-no-public-db-access"},
		Checkov: []string{"CKV_AWS_17"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, i := range in.AWS.RDS.Instances {
			r.Judge(i.Resource, i.PubliclyAccessible, true, "DB instance %s is publicly accessible.", i.Name)
		}
	},
}

var publicSnapshot = &check.Check{
	ID:          "AWS-RDS-010",
	Slug:        "aws-rds-snapshot-public",
	Title:       "RDS snapshot is shared publicly",
	Provider:    "aws",
	Service:     "rds",
	Severity:    check.Critical,
	Description: "The manual DB snapshot or DB cluster snapshot is shared with all AWS accounts.",
	Rationale: "Any AWS customer can restore a public snapshot into their own account and read the whole database. " +
		"Public snapshots are a recurring cause of large data leaks.",
	Remediation: check.Remediation{
		Text: "Remove \"all\" from shared_accounts and share the snapshot only with the accounts that need it.",
		Terraform: `resource "aws_db_snapshot" "example" {
  db_instance_identifier = aws_db_instance.example.identifier
  db_snapshot_identifier = "example-snapshot"
  shared_accounts        = ["123456789012"]
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "AC-21"},
		{Framework: check.FrameworkPCIDSS40, ID: "7.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(a)(1)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.3"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_302"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, s := range in.AWS.RDS.Snapshots {
			evalPublicSnapshot(s, r)
		}
	},
}

func evalPublicSnapshot(s *rds.Snapshot, r *check.Reporter) {
	kind := "DB snapshot"
	if s.Cluster {
		kind = "DB cluster snapshot"
	}
	if all, ok := s.SharedAccounts.Any(func(a string) bool { return a == "all" }); ok {
		r.Fail(s.Resource, all.Origin, "%s %s is shared with all AWS accounts.", kind, s.Name)
		return
	}
	if s.SharedAccounts.Complete() {
		r.Pass(s.Resource)
	}
}
