package ec2

import "github.com/vigil-sec/vigil/internal/check"

const imdsRationale = "IMDSv1 answers plain GET requests, so a server-side request forgery (SSRF) flaw or an open proxy on the instance lets an attacker read the instance role's temporary credentials. IMDSv2 requires a session token obtained with a PUT request, which such flaws cannot forge."

var imdsReferences = []string{
	"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html",
	"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html",
}

func imdsCompliance() []check.Control {
	return []check.Control{
		{Framework: check.FrameworkCISAWS30, ID: "5.6"},
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "SC-7"},
		{Framework: check.FrameworkPCIDSS40, ID: "2.2.6"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.9"},
	}
}

func evalIMDS(l launched, noun string, r *check.Reporter) {
	r.Judge(l.res, l.spec.Metadata.AllowsIMDSv1(), true, "%s %s does not require IMDSv2 (http_tokens is not \"required\").", noun, l.res.Name)
}

var instanceIMDSv1 = &check.Check{
	ID:          "AWS-EC2-001",
	Slug:        "aws-ec2-instance-imdsv2-not-required",
	Title:       "EC2 instance does not require IMDSv2",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.High,
	Description: "The instance metadata service of the instance accepts IMDSv1 requests, which need no session token.",
	Rationale:   imdsRationale,
	Remediation: check.Remediation{
		Text: "Set metadata_options.http_tokens to \"required\" (or disable the metadata endpoint when the instance does not use it).",
		Terraform: `resource "aws_instance" "example" {
  # ...
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}`,
	},
	References: imdsReferences,
	Compliance: imdsCompliance(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0028"},
		Tfsec:   []string{"aws-ec2-enforce-http-token-imds"},
		Checkov: []string{"CKV_AWS_79"},
	},
	Evaluate: evalEach(instances, "Instance", evalIMDS),
}

var templateIMDSv1 = &check.Check{
	ID:          "AWS-EC2-002",
	Slug:        "aws-ec2-launch-template-imdsv2-not-required",
	Title:       "Launch template does not require IMDSv2",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.High,
	Description: "Instances launched from the template accept IMDSv1 requests to their metadata service.",
	Rationale:   imdsRationale,
	Remediation: check.Remediation{
		Text: "Set metadata_options.http_tokens to \"required\" in the launch template.",
		Terraform: `resource "aws_launch_template" "example" {
  # ...
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}`,
	},
	References: imdsReferences,
	Compliance: imdsCompliance(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0130"},
		Tfsec:   []string{"aws-ec2-enforce-launch-config-http-token-imds"},
		Checkov: []string{"CKV_AWS_79"},
	},
	Evaluate: evalEach(templates, "Launch template", evalIMDS),
}

var configurationIMDSv1 = &check.Check{
	ID:          "AWS-EC2-003",
	Slug:        "aws-ec2-launch-configuration-imdsv2-not-required",
	Title:       "Launch configuration does not require IMDSv2",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.High,
	Description: "Instances launched from the launch configuration accept IMDSv1 requests to their metadata service.",
	Rationale:   imdsRationale,
	Remediation: check.Remediation{
		Text: "Set metadata_options.http_tokens to \"required\" in the launch configuration, or move to a launch template.",
		Terraform: `resource "aws_launch_configuration" "example" {
  # ...
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}`,
	},
	References: imdsReferences,
	Compliance: imdsCompliance(),
	Equivalents: check.Equivalents{
		AVD:   []string{"AVD-AWS-0130"},
		Tfsec: []string{"aws-ec2-enforce-launch-config-http-token-imds"},
	},
	Evaluate: evalEach(configurations, "Launch configuration", evalIMDS),
}
