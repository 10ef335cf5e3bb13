package redshift

import "github.com/vigil-sec/vigil/internal/check"

var publicAccess = &check.Check{
	ID:          "AWS-REDSHIFT-003",
	Slug:        "aws-redshift-publicly-accessible",
	Title:       "Redshift is publicly accessible",
	Provider:    "aws",
	Service:     "redshift",
	Severity:    check.High,
	Description: "The cluster or serverless workgroup has a public endpoint reachable from the internet.",
	Rationale: "A public endpoint leaves the warehouse one security group rule away from the internet, where " +
		"database ports are scanned continuously for weak credentials.",
	Remediation: check.Remediation{
		Text: "Set publicly_accessible to false and reach the warehouse from inside the VPC.",
		Terraform: `resource "aws_redshift_cluster" "example" {
  # ...
  publicly_accessible = false
}`,
	},
	References: []string{"https://docs.aws.amazon.com/redshift/latest/mgmt/rs-vpc-publicly-accessible.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "SC-7"},
		{Framework: check.FrameworkPCIDSS40, ID: "1.4.4"},
		{Framework: check.FrameworkSOC2, ID: "CC6.6"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(e)(1)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.20"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_87"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.Redshift.Clusters {
			r.Judge(c.Resource, c.PubliclyAccessible, true, "Redshift cluster %s is publicly accessible.", c.Name)
		}
		for _, w := range in.AWS.Redshift.Workgroups {
			r.Judge(w.Resource, w.PubliclyAccessible, true, "Redshift Serverless workgroup %s is publicly accessible.", w.Name)
		}
	},
}

var enhancedVPCRouting = &check.Check{
	ID:          "AWS-REDSHIFT-005",
	Slug:        "aws-redshift-enhanced-vpc-routing-disabled",
	Title:       "Redshift enhanced VPC routing is not enabled",
	Provider:    "aws",
	Service:     "redshift",
	Severity:    check.Low,
	Description: "COPY and UNLOAD traffic between the warehouse and S3 or other data sources bypasses the VPC.",
	Rationale: "With enhanced VPC routing, data loads and unloads go through the VPC, where security groups, VPC " +
		"endpoint policies and flow logs control and record them; without it they leave through AWS's network " +
		"with none of those controls.",
	Remediation: check.Remediation{
		Text: "Set enhanced_vpc_routing to true and add the VPC endpoints (or NAT) the warehouse needs.",
		Terraform: `resource "aws_redshift_cluster" "example" {
  # ...
  enhanced_vpc_routing = true
}`,
	},
	References: []string{"https://docs.aws.amazon.com/redshift/latest/mgmt/enhanced-vpc-routing.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-7"},
		{Framework: check.FrameworkNIST80053, ID: "AC-4"},
		{Framework: check.FrameworkSOC2, ID: "CC6.6"},
		{Framework: check.FrameworkISO27001, ID: "A.8.22"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_321"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.Redshift.Clusters {
			r.Judge(c.Resource, c.EnhancedVPCRouting, false, "Redshift cluster %s does not use enhanced VPC routing.", c.Name)
		}
		for _, w := range in.AWS.Redshift.Workgroups {
			r.Judge(w.Resource, w.EnhancedVPCRouting, false, "Redshift Serverless workgroup %s does not use enhanced VPC routing.", w.Name)
		}
	},
}

var subnetGroup = &check.Check{
	ID:          "AWS-REDSHIFT-007",
	Slug:        "aws-redshift-no-subnet-group",
	Title:       "Redshift cluster is not placed in a chosen VPC subnet group",
	Provider:    "aws",
	Service:     "redshift",
	Severity:    check.Medium,
	Description: "The cluster names no cluster subnet group, so Redshift places it outside a VPC (EC2-Classic) or in the default VPC's subnets.",
	Rationale: "Without a subnet group the network the warehouse lands in is not a design decision: EC2-Classic has no " +
		"VPC isolation at all, and default-VPC subnets are public, shared with everything else launched by default.",
	Remediation: check.Remediation{
		Text: "Create an aws_redshift_subnet_group over private subnets and set cluster_subnet_group_name.",
		Terraform: `resource "aws_redshift_subnet_group" "example" {
  name       = "example"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_redshift_cluster" "example" {
  # ...
  cluster_subnet_group_name = aws_redshift_subnet_group.example.name
}`,
	},
	References: []string{"https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-cluster-subnet-groups.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-7"},
		{Framework: check.FrameworkPCIDSS40, ID: "1.3.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.6"},
		{Framework: check.FrameworkISO27001, ID: "A.8.22"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0127"},
		Tfsec:   []string{"aws-redshift-use-vpc"},
		Checkov: []string{"CKV_AWS_154"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.Redshift.Clusters {
			switch v := c.SubnetGroupName; {
			case v.Is(""):
				r.Fail(c.Resource, v.Origin, "Redshift cluster %s does not name a cluster subnet group.", c.Name)
			case v.Known():
				r.Pass(c.Resource)
			}
		}
	},
}
