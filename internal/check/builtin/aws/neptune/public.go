package neptune

import "github.com/vigil-sec/vigil/internal/check"

var publicInstance = &check.Check{
	ID:       "AWS-NEPTUNE-007",
	Slug:     "aws-neptune-instance-public",
	Title:    "Neptune DB instance is publicly accessible",
	Provider: "aws",
	Service:  "neptune",
	Severity: check.High,
	Description: "The Neptune DB instance has a public endpoint: its address resolves to a public IP reachable from " +
		"the internet wherever the cluster's security groups allow it.",
	Rationale: "A database endpoint on the internet is found by scanners and exposed to every engine vulnerability and " +
		"to anyone holding leaked AWS credentials with neptune-db permissions. Clients belong in the VPC or reach it " +
		"through a VPN, peering or a bastion.",
	Remediation: check.Remediation{
		Text: "Set publicly_accessible to false and connect from inside the VPC.",
		Terraform: `resource "aws_neptune_cluster_instance" "example" {
  # ...
  publicly_accessible = false
}`,
	},
	References: []string{"https://docs.aws.amazon.com/neptune/latest/userguide/neptune-public-endpoints.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-7"},
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkPCIDSS40, ID: "1.4.4"},
		{Framework: check.FrameworkSOC2, ID: "CC6.6"},
		{Framework: check.FrameworkISO27001, ID: "A.8.20"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_102"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, i := range in.AWS.Neptune.Instances {
			r.Judge(i.Resource, i.PubliclyAccessible, true, "Neptune DB instance %s is publicly accessible.", i.Name)
		}
	},
}
