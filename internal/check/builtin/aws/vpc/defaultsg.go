package vpc

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
)

var defaultSGRules = &check.Check{
	ID:          "AWS-VPC-007",
	Slug:        "aws-vpc-default-sg-allows-traffic",
	Title:       "Default security group does not restrict all traffic",
	Provider:    "aws",
	Service:     "vpc",
	Severity:    check.Medium,
	Description: "The VPC's default security group has inbound or outbound rules. A VPC whose default group is not managed at all keeps the rules AWS creates it with: all traffic from the group itself and all outbound traffic.",
	Rationale:   "Resources launched without an explicit security group land in the default group. When it allows traffic, such resources are silently reachable from each other and can reach the internet, instead of failing closed and forcing a deliberate choice of groups.",
	Remediation: check.Remediation{
		Text: "Manage the default security group with no rules, and give every resource a purpose-built security group.",
		Terraform: `resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
  # No ingress or egress blocks: Terraform removes every rule.
}`,
	},
	References: []string{"https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html"},
	Compliance: control.NetworkExposure(check.Control{Framework: check.FrameworkCISAWS30, ID: "5.4"}),
	Equivalents: check.Equivalents{
		Checkov: []string{"CKV2_AWS_12"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, g := range in.AWS.VPC.SecurityGroups {
			if !g.Default {
				continue
			}
			for _, rule := range g.Rules {
				r.Fail(g.Resource, rule.Origin, "Default security group %s has rules; it should restrict all traffic.", g.Name)
			}
			if len(g.Rules) == 0 && g.RulesComplete {
				r.Pass(g.Resource)
			}
		}
		for _, v := range in.AWS.VPC.VPCs {
			if sg := v.DefaultSecurityGroupID; sg.Is("") {
				r.Fail(v.Resource, sg.Origin, "VPC %s does not manage its default security group, which keeps AWS's default rules allowing traffic.", v.Name)
			}
		}
	},
}
