package ecs

import "github.com/vigil-sec/vigil/internal/check"

var publicIP = &check.Check{
	ID:       "AWS-ECS-009",
	Slug:     "aws-ecs-service-assigns-public-ip",
	Title:    "ECS service assigns public IP addresses to its tasks",
	Provider: "aws",
	Service:  "ecs",
	Severity: check.Medium,
	Description: "The service's awsvpc network configuration sets assign_public_ip, so every task gets a public IP address reachable " +
		"from the internet as far as its security groups allow.",
	Rationale: "Tasks with public addresses are exposed directly to the internet: one permissive security group rule makes the container " +
		"reachable by anyone. Tasks should sit in private subnets behind a load balancer and reach out through NAT or VPC endpoints.",
	Remediation: check.Remediation{
		Text: "Run the tasks in private subnets with assign_public_ip = false, and expose them through a load balancer when they must be reachable.",
		Terraform: `resource "aws_ecs_service" "example" {
  # ...
  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.app.id]
    assign_public_ip = false
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
		"https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-2",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-7"},
		{Framework: check.FrameworkNIST80053, ID: "AC-4"},
		{Framework: check.FrameworkPCIDSS40, ID: "1.4.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.6"},
		{Framework: check.FrameworkISO27001, ID: "A.8.20"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_333"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, s := range in.AWS.ECS.Services {
			r.Judge(s.Resource, s.AssignPublicIP, true, "Service %s assigns public IP addresses to its tasks.", s.Name)
		}
	},
}
