package rds

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/rds"
)

var minorVersionUpgrade = &check.Check{
	ID:          "AWS-RDS-006",
	Slug:        "aws-rds-auto-minor-upgrade-disabled",
	Title:       "RDS automatic minor version upgrades are disabled",
	Provider:    "aws",
	Service:     "rds",
	Severity:    check.Medium,
	Description: "The database does not receive engine minor versions automatically during its maintenance window.",
	Rationale: "Minor versions carry the engine's security fixes. With automatic upgrades off, known vulnerabilities " +
		"stay in place until someone upgrades by hand.",
	Remediation: check.Remediation{
		Text: "Set auto_minor_version_upgrade to true (the default).",
		Terraform: `resource "aws_db_instance" "example" {
  # ...
  auto_minor_version_upgrade = true
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades"},
	Compliance: []check.Control{
		{Framework: check.FrameworkCISAWS30, ID: "2.3.2"},
		{Framework: check.FrameworkNIST80053, ID: "SI-2"},
		{Framework: check.FrameworkPCIDSS40, ID: "6.3.3"},
		{Framework: check.FrameworkSOC2, ID: "CC7.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.8"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_226"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, i := range in.AWS.RDS.Instances {
			r.Judge(i.Resource, i.AutoMinorUpgrade, false, "DB instance %s has automatic minor version upgrades disabled.", i.Name)
		}
		for _, c := range in.AWS.RDS.Clusters {
			r.Judge(c.Resource, c.AutoMinorUpgrade, false, "DB cluster %s has automatic minor version upgrades disabled.", c.Name)
		}
	},
}

// expiredCAs are RDS certificate authorities whose certificates have expired.
var expiredCAs = []string{"rds-ca-2015", "rds-ca-2019"}

var caCertificate = &check.Check{
	ID:          "AWS-RDS-012",
	Slug:        "aws-rds-expired-ca-certificate",
	Title:       "RDS DB instance uses an expired certificate authority",
	Provider:    "aws",
	Service:     "rds",
	Severity:    check.Medium,
	Description: "The DB instance's server certificate is signed by rds-ca-2015 or rds-ca-2019, which have expired.",
	Rationale: "Clients that verify the server certificate cannot connect over TLS to an instance whose CA has " +
		"expired, which pushes teams to disable verification and leaves connections open to interception.",
	Remediation: check.Remediation{
		Text: "Rotate to a current CA such as rds-ca-rsa2048-g1 and update the CA bundle on clients.",
		Terraform: `resource "aws_db_instance" "example" {
  # ...
  ca_cert_identifier = "rds-ca-rsa2048-g1"
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL-certificate-rotation.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-8"},
		{Framework: check.FrameworkNIST80053, ID: "SC-17"},
		{Framework: check.FrameworkPCIDSS40, ID: "4.2.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_211"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, i := range in.AWS.RDS.Instances {
			evalCA(i, r)
		}
	},
}

func evalCA(i *rds.Instance, r *check.Reporter) {
	switch ca := i.CACertificate; {
	case ca.IsOneOf(expiredCAs...):
		r.Fail(i.Resource, ca.Origin, "DB instance %s uses the expired certificate authority %s.", i.Name, ca.Val())
	case ca.Known():
		r.Pass(i.Resource)
	}
}
