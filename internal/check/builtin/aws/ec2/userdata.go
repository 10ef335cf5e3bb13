package ec2

import "github.com/vigil-sec/vigil/internal/check"

const userDataRationale = "User data is readable by anyone who can call ec2:DescribeInstanceAttribute or DescribeLaunchTemplateVersions, by every process on the instance through the metadata service, and it lands in Terraform state and plan files. A credential written into it is effectively published to all of them and cannot be rotated without redeploying."

var userDataReferences = []string{
	"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html",
	"https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html",
}

func userDataCompliance() []check.Control {
	return []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "IA-5"},
		{Framework: check.FrameworkNIST80053, ID: "SC-28"},
		{Framework: check.FrameworkPCIDSS40, ID: "8.3.2"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.5.17"},
	}
}

// evalUserData reports each secret found, by kind and line, never by value.
func evalUserData(l launched, noun string, r *check.Reporter) {
	ud := l.spec.UserData
	if !ud.Known() {
		return
	}
	for _, s := range ud.Secrets {
		r.Fail(l.res, ud.Origin, "%s %s has a %s in its user data (line %d).", noun, l.res.Name, s.Kind, s.Line)
	}
	if len(ud.Secrets) == 0 {
		r.Pass(l.res)
	}
}

const userDataRemediation = "Remove the credential from the user data and rotate it. Give the instance an IAM role instead of access keys, and have the boot script read other secrets from Secrets Manager or SSM Parameter Store at run time."

var instanceUserDataSecrets = &check.Check{
	ID:          "AWS-EC2-010",
	Slug:        "aws-ec2-instance-user-data-secrets",
	Title:       "EC2 instance user data contains secrets",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.Critical,
	Description: "The instance's user data holds what looks like a credential: an AWS access key, a private key, or a password or token assigned a literal value.",
	Rationale:   userDataRationale,
	Remediation: check.Remediation{
		Text: userDataRemediation,
		Terraform: `resource "aws_instance" "example" {
  # ...
  iam_instance_profile = aws_iam_instance_profile.app.name
  user_data            = <<-EOT
    #!/bin/bash
    DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text)"
  EOT
}`,
	},
	References: userDataReferences,
	Compliance: userDataCompliance(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0029"},
		Tfsec:   []string{"aws-ec2-no-secrets-in-user-data"},
		Checkov: []string{"CKV_AWS_46"},
	},
	Evaluate: evalEach(instances, "Instance", evalUserData),
}

var templateUserDataSecrets = &check.Check{
	ID:          "AWS-EC2-011",
	Slug:        "aws-ec2-launch-template-user-data-secrets",
	Title:       "Launch template user data contains secrets",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.Critical,
	Description: "The launch template's user data holds what looks like a credential: an AWS access key, a private key, or a password or token assigned a literal value.",
	Rationale:   userDataRationale,
	Remediation: check.Remediation{
		Text: userDataRemediation,
		Terraform: `resource "aws_launch_template" "example" {
  # ...
  iam_instance_profile {
    name = aws_iam_instance_profile.app.name
  }
  user_data = base64encode(file("${path.module}/boot.sh")) # reads secrets at run time
}`,
	},
	References:  userDataReferences,
	Compliance:  userDataCompliance(),
	Equivalents: check.Equivalents{},
	Evaluate:    evalEach(templates, "Launch template", evalUserData),
}

var configurationUserDataSecrets = &check.Check{
	ID:          "AWS-EC2-012",
	Slug:        "aws-ec2-launch-configuration-user-data-secrets",
	Title:       "Launch configuration user data contains secrets",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.Critical,
	Description: "The launch configuration's user data holds what looks like a credential: an AWS access key, a private key, or a password or token assigned a literal value.",
	Rationale:   userDataRationale,
	Remediation: check.Remediation{
		Text: userDataRemediation,
		Terraform: `resource "aws_launch_configuration" "example" {
  # ...
  iam_instance_profile = aws_iam_instance_profile.app.name
  user_data            = file("${path.module}/boot.sh") # reads secrets at run time
}`,
	},
	References: userDataReferences,
	Compliance: userDataCompliance(),
	Equivalents: check.Equivalents{
		AVD:   []string{"AVD-AWS-0122"},
		Tfsec: []string{"aws-ec2-no-sensitive-info"},
	},
	Evaluate: evalEach(configurations, "Launch configuration", evalUserData),
}
