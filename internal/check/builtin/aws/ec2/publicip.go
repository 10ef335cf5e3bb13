package ec2

import "github.com/vigil-sec/vigil/internal/check"

const publicIPRationale = "A public IPv4 address makes the instance reachable from the internet as soon as a security group or network ACL rule allows it, and every later rule change is one mistake away from exposure. Instances behind a load balancer or reached through Session Manager or a bastion need no public address."

var publicIPReferences = []string{
	"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses",
	"https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html",
}

func publicIPCompliance() []check.Control {
	return []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-7"},
		{Framework: check.FrameworkNIST80053, ID: "AC-4"},
		{Framework: check.FrameworkPCIDSS40, ID: "1.4.4"},
		{Framework: check.FrameworkSOC2, ID: "CC6.6"},
		{Framework: check.FrameworkISO27001, ID: "A.8.20"},
	}
}

func evalPublicIP(l launched, noun string, r *check.Reporter) {
	r.Judge(l.res, l.spec.PublicIP, true, "%s %s assigns a public IP address to its instances.", noun, l.res.Name)
}

var instancePublicIP = &check.Check{
	ID:          "AWS-EC2-004",
	Slug:        "aws-ec2-instance-public-ip",
	Title:       "EC2 instance has a public IP address",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.Medium,
	Description: "The instance is given a public IPv4 address, either by its own associate_public_ip_address or by its subnet's map_public_ip_on_launch.",
	Rationale:   publicIPRationale,
	Remediation: check.Remediation{
		Text: "Set associate_public_ip_address to false and place the instance in a private subnet; expose services through a load balancer.",
		Terraform: `resource "aws_instance" "example" {
  # ...
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = false
}`,
	},
	References: publicIPReferences,
	Compliance: publicIPCompliance(),
	Equivalents: check.Equivalents{
		Checkov: []string{"CKV_AWS_88"},
	},
	Evaluate: evalEach(instances, "Instance", evalPublicIP),
}

var templatePublicIP = &check.Check{
	ID:          "AWS-EC2-005",
	Slug:        "aws-ec2-launch-template-public-ip",
	Title:       "Launch template assigns public IP addresses",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.Medium,
	Description: "A network interface of the launch template sets associate_public_ip_address to true, so every instance launched from it gets a public IPv4 address.",
	Rationale:   publicIPRationale,
	Remediation: check.Remediation{
		Text: "Set associate_public_ip_address to false on the template's network interfaces.",
		Terraform: `resource "aws_launch_template" "example" {
  # ...
  network_interfaces {
    associate_public_ip_address = false
    security_groups             = [aws_security_group.app.id]
  }
}`,
	},
	References: publicIPReferences,
	Compliance: publicIPCompliance(),
	Equivalents: check.Equivalents{
		Checkov: []string{"CKV_AWS_88"},
	},
	Evaluate: evalEach(templates, "Launch template", evalPublicIP),
}

var configurationPublicIP = &check.Check{
	ID:          "AWS-EC2-006",
	Slug:        "aws-ec2-launch-configuration-public-ip",
	Title:       "Launch configuration assigns public IP addresses",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.Medium,
	Description: "The launch configuration sets associate_public_ip_address to true, so every instance it launches gets a public IPv4 address.",
	Rationale:   publicIPRationale,
	Remediation: check.Remediation{
		Text: "Set associate_public_ip_address to false in the launch configuration.",
		Terraform: `resource "aws_launch_configuration" "example" {
  # ...
  associate_public_ip_address = false
}`,
	},
	References: publicIPReferences,
	Compliance: publicIPCompliance(),
	Equivalents: check.Equivalents{
		AVD:   []string{"AVD-AWS-0009"},
		Tfsec: []string{"aws-ec2-no-public-ip"},
	},
	Evaluate: evalEach(configurations, "Launch configuration", evalPublicIP),
}
