package vpc

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
)

var flowLogs = &check.Check{
	ID:          "AWS-VPC-010",
	Slug:        "aws-vpc-flow-logs-disabled",
	Title:       "VPC flow logging is not enabled",
	Provider:    "aws",
	Service:     "vpc",
	Severity:    check.Medium,
	Description: "No flow log in the configuration captures the VPC's traffic.",
	Rationale:   "Flow logs are the record of who talked to whom: without them, investigating an intrusion, spotting data exfiltration or port scans, or proving what was reachable is guesswork. They also feed GuardDuty-style anomaly detection.",
	Remediation: check.Remediation{
		Text: "Create a flow log for the VPC (at least rejected traffic; all traffic is better) to CloudWatch Logs or S3.",
		Terraform: `resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = aws_s3_bucket.flow_logs.arn
}`,
	},
	References: []string{"https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkCISAWS30, ID: "3.7"},
		{Framework: check.FrameworkNIST80053, ID: "AU-2"},
		{Framework: check.FrameworkNIST80053, ID: "AU-12"},
		{Framework: check.FrameworkNIST80053, ID: "SI-4"},
		{Framework: check.FrameworkPCIDSS40, ID: "10.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC7.2"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(b)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.15"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0178"},
		Tfsec:   []string{"aws-ec2-require-vpc-flow-logs-for-all-vpcs"},
		Checkov: []string{"CKV2_AWS_11"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		logged := map[string]bool{}
		unresolved := false
		for _, f := range in.AWS.VPC.FlowLogs {
			t, okt := f.TargetType.Get()
			id, okid := f.TargetID.Get()
			switch {
			case okt && t != "VPC":
			case !okt || !okid:
				// It might capture any VPC.
				unresolved = true
			default:
				logged[id] = true
			}
		}
		for _, v := range in.AWS.VPC.VPCs {
			switch {
			case logged[v.ID]:
				r.Pass(v.Resource)
			case !unresolved:
				r.Fail(v.Resource, v.Origin, "VPC %s has no flow log.", v.Name)
			}
		}
	},
}

var subnetPublicIP = &check.Check{
	ID:          "AWS-VPC-011",
	Slug:        "aws-vpc-subnet-public-ip-on-launch",
	Title:       "Subnet assigns public IP addresses by default",
	Provider:    "aws",
	Service:     "vpc",
	Severity:    check.Low,
	Description: "The subnet gives every instance launched into it a public IPv4 address unless the launch says otherwise.",
	Rationale:   "Instances in the subnet become internet-addressable by default, whether or not they were meant to be; a later permissive security group then exposes them. Public addresses should be a deliberate per-instance choice, or the preserve of load balancers and NAT gateways.",
	Remediation: check.Remediation{
		Text: "Set map_public_ip_on_launch to false and request public addresses explicitly where needed.",
		Terraform: `resource "aws_subnet" "app" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = false
}`,
	},
	References: []string{"https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html"},
	Compliance: control.NetworkExposure(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0164"},
		Tfsec:   []string{"aws-ec2-no-public-ip-subnet"},
		Checkov: []string{"CKV_AWS_130"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, s := range in.AWS.VPC.Subnets {
			r.Judge(s.Resource, s.MapPublicIPOnLaunch, true, "Subnet %s assigns public IP addresses to instances by default.", s.Name)
		}
	},
}

var defaultVPC = &check.Check{
	ID:          "AWS-VPC-012",
	Slug:        "aws-vpc-default-vpc-in-use",
	Title:       "Default VPC is managed and in use",
	Provider:    "aws",
	Service:     "vpc",
	Severity:    check.Low,
	Description: "The configuration adopts the region's default VPC, whose subnets are all public and whose network was not designed for the workload.",
	Rationale:   "Every subnet of a default VPC routes to an internet gateway and assigns public IPs, and its network ACL and default security group allow traffic. Workloads belong in purpose-built VPCs with private subnets.",
	Remediation: check.Remediation{
		Text: "Create a dedicated VPC for the workload; remove the default VPC where it is not needed.",
		Terraform: `resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
}`,
	},
	References: []string{"https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html"},
	Compliance: control.NetworkExposure(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0101"},
		Tfsec:   []string{"aws-ec2-no-default-vpc"},
		Checkov: []string{"CKV_AWS_148"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, v := range in.AWS.VPC.VPCs {
			if v.Default {
				r.Fail(v.Resource, v.Origin, "VPC %s is the region's default VPC.", v.Name)
			} else {
				r.Pass(v.Resource)
			}
		}
	},
}
