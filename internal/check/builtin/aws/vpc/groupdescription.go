package vpc

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
)

// providerDefaultDescription is what the Terraform AWS provider writes when
// a security group sets no description: it says nothing about the group.
const providerDefaultDescription = "Managed by Terraform"

var sgDescription = &check.Check{
	ID:       "AWS-VPC-014",
	Slug:     "aws-vpc-sg-no-description",
	Title:    "Security group has no description",
	Provider: "aws",
	Service:  "vpc",
	Severity: check.Low,
	Description: "A security group's description is empty or the Terraform provider's placeholder \"Managed by Terraform\", " +
		"which it sets when description is omitted. Default security groups, whose description AWS fixes, are not judged.",
	Rationale: "The group description is the one place AWS shows, in the console and in every API listing, what a group " +
		"protects and why. Without it, reviewers cannot tell which workloads a group belongs to, and unused or " +
		"over-broad groups linger. The description cannot be changed later without replacing the group.",
	Remediation: check.Remediation{
		Text: "Set description to what the group protects and who may reach it. Changing it replaces the group, so " +
			"add create_before_destroy or plan the change.",
		Terraform: `resource "aws_security_group" "web" {
  name        = "web"
  description = "Public web servers behind the load balancer"
  vpc_id      = aws_vpc.main.id
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/vpc/latest/userguide/creating-security-groups.html",
		"https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "CM-6"},
		{Framework: check.FrameworkPCIDSS40, ID: "1.2.5"},
		{Framework: check.FrameworkISO27001, ID: "A.8.9"},
	},
	Equivalents: check.Equivalents{
		AVD:   []string{"AVD-AWS-0099"},
		Tfsec: []string{"aws-ec2-add-description-to-security-group"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, g := range in.AWS.VPC.SecurityGroups {
			if g.Default {
				continue
			}
			d := g.Description
			v, ok := d.Get()
			switch {
			case !ok:
			case strings.TrimSpace(v) == "":
				r.Fail(g.Resource, d.Origin, "Security group %s has an empty description.", g.Name)
			case v == providerDefaultDescription:
				r.Fail(g.Resource, d.Origin, "Security group %s has only the provider's placeholder description %q.", g.Name, v)
			default:
				r.Pass(g.Resource)
			}
		}
	},
}
