package config

import "github.com/vigil-sec/vigil/internal/check"

var allSupported = &check.Check{
	ID:          "AWS-CONFIG-001",
	Slug:        "aws-config-recorder-not-all-resource-types",
	Title:       "AWS Config recorder does not record all supported resource types",
	Provider:    "aws",
	Service:     "config",
	Severity:    check.Medium,
	Description: "The configuration recorder records a chosen list of resource types (or excludes some) instead of every supported type.",
	Rationale:   "Changes to resource types left out are neither recorded nor evaluated by Config rules, so a new kind of resource can be created or reconfigured insecurely without trace; resource types AWS adds later are also missed.",
	Remediation: check.Remediation{
		Text: "Record all supported resource types.",
		Terraform: `resource "aws_config_configuration_recorder" "example" {
  name     = "default"
  role_arn = aws_iam_role.config.arn

  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html",
	},
	Compliance: recorderControls,
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, rec := range in.AWS.Config.Recorders {
			r.Judge(rec.Resource, rec.AllSupported, false, "Config recorder %s does not record all supported resource types.", rec.Name)
		}
	},
}

var globalResources = &check.Check{
	ID:          "AWS-CONFIG-002",
	Slug:        "aws-config-recorder-no-global-resources",
	Title:       "AWS Config recorder does not record global resource types",
	Provider:    "aws",
	Service:     "config",
	Severity:    check.Low,
	Description: "The configuration recorder leaves out global resources such as IAM users, groups, roles and policies.",
	Rationale:   "IAM changes are among the most security-relevant configuration changes. CIS asks for global resource types to be recorded; recording them in one region of the account is enough, so suppress this finding on the recorders of the other regions.",
	Remediation: check.Remediation{
		Text: "Record global resource types (in at least one region per account).",
		Terraform: `resource "aws_config_configuration_recorder" "example" {
  name     = "default"
  role_arn = aws_iam_role.config.arn

  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html#select-resources-all",
	},
	Compliance: recorderControls,
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, rec := range in.AWS.Config.Recorders {
			r.Judge(rec.Resource, rec.IncludeGlobalResourceTypes, false, "Config recorder %s does not record global resource types.", rec.Name)
		}
	},
}

var recorderStopped = &check.Check{
	ID:          "AWS-CONFIG-003",
	Slug:        "aws-config-recorder-stopped",
	Title:       "AWS Config recorder is not recording",
	Provider:    "aws",
	Service:     "config",
	Severity:    check.Medium,
	Description: "The configuration recorder's status turns recording off.",
	Rationale:   "A stopped recorder records no configuration change and Config rules stop evaluating, while the recorder's presence suggests the account is covered.",
	Remediation: check.Remediation{
		Text: "Start the recorder.",
		Terraform: `resource "aws_config_configuration_recorder_status" "example" {
  name       = aws_config_configuration_recorder.example.name
  is_enabled = true
  depends_on = [aws_config_delivery_channel.example]
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html",
	},
	Compliance: recorderControls,
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, rec := range in.AWS.Config.Recorders {
			r.Judge(rec.Resource, rec.Recording, false, "Config recorder %s is not recording.", rec.Name)
		}
	},
}
