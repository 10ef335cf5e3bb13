package config

import "github.com/vigil-sec/vigil/internal/check"

var aggregatorRegions = &check.Check{
	ID:          "AWS-CONFIG-004",
	Slug:        "aws-config-aggregator-not-all-regions",
	Title:       "AWS Config aggregator does not collect from all regions",
	Provider:    "aws",
	Service:     "config",
	Severity:    check.Low,
	Description: "The configuration aggregator collects from a fixed list of regions.",
	Rationale:   "Regions left out of the aggregated view are where unnoticed resources live; a fixed list also misses regions enabled later.",
	Remediation: check.Remediation{
		Text: "Collect from all regions.",
		Terraform: `resource "aws_config_configuration_aggregator" "example" {
  name = "example"

  organization_aggregation_source {
    all_regions = true
    role_arn    = aws_iam_role.config_aggregator.arn
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/config/latest/developerguide/aggregate-data.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "CM-8"},
		{Framework: check.FrameworkSOC2, ID: "CC7.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.9"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0019"},
		Tfsec:   []string{"aws-config-aggregate-all-regions"},
		Checkov: []string{"CKV_AWS_121"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, a := range in.AWS.Config.Aggregators {
			r.Judge(a.Resource, a.AllRegions, false, "Config aggregator %s does not collect from all regions.", a.Name)
		}
	},
}
