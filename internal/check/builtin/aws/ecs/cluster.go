package ecs

import "github.com/vigil-sec/vigil/internal/check"

var containerInsights = &check.Check{
	ID:          "AWS-ECS-007",
	Slug:        "aws-ecs-container-insights-disabled",
	Title:       "ECS cluster does not have Container Insights enabled",
	Provider:    "aws",
	Service:     "ecs",
	Severity:    check.Low,
	Description: "The cluster does not collect Container Insights metrics and performance events for its tasks and services.",
	Rationale: "Container Insights records per-task CPU, memory, network and restart data; without it, resource abuse such as crypto-mining " +
		"in a compromised task, and the failures that precede an outage, go unnoticed.",
	Remediation: check.Remediation{
		Text: "Enable Container Insights (enhanced observability where available) on the cluster, or by default for the account.",
		Terraform: `resource "aws_ecs_cluster" "example" {
  name = "example"
  setting {
    name  = "containerInsights"
    value = "enhanced"
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContainerInsights.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SI-4"},
		{Framework: check.FrameworkNIST80053, ID: "AU-12"},
		{Framework: check.FrameworkSOC2, ID: "CC7.2"},
		{Framework: check.FrameworkISO27001, ID: "A.8.16"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0034"},
		Tfsec:   []string{"aws-ecs-enable-container-insight"},
		Checkov: []string{"CKV_AWS_65"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.ECS.Clusters {
			switch v := c.ContainerInsights; {
			case v.Is("disabled"):
				r.Fail(c.Resource, v.Origin, "Cluster %s does not have Container Insights enabled.", c.Name)
			case v.Known():
				r.Pass(c.Resource)
			}
		}
	},
}
