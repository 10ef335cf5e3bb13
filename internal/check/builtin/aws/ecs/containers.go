package ecs

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/ecs"
)

// eachContainer judges every container of the task definitions whose
// containers are known. bad returns a container's relevant value, whether it
// offends and whether it is known; a task definition passes when every
// container was judged and none offends.
func eachContainer(in *check.Input, r *check.Reporter, bad func(*ecs.Container) (at model.Meta, offends, known bool), msg string) {
	for _, td := range in.AWS.ECS.TaskDefinitions {
		if !td.Containers.Known() {
			continue
		}
		judged, failed := true, false
		for _, c := range td.Containers.Items {
			at, offends, known := bad(c)
			switch {
			case !known:
				judged = false
			case offends:
				failed = true
				r.Fail(td.Resource, at.Origin, msg, c.Name.Val(), td.Name)
			}
		}
		if judged && !failed {
			r.Pass(td.Resource)
		}
	}
}

var privileged = &check.Check{
	ID:       "AWS-ECS-001",
	Slug:     "aws-ecs-container-privileged",
	Title:    "ECS container runs in privileged mode",
	Provider: "aws",
	Service:  "ecs",
	Severity: check.High,
	Description: "A container definition sets privileged to true, giving the container root access to the host's devices and " +
		"kernel capabilities.",
	Rationale: "A privileged container can mount the host's disks, load kernel modules and escape to the container instance, and from " +
		"there reach every other task on it and the instance role's credentials.",
	Remediation: check.Remediation{
		Text: "Remove privileged from the container definition; grant only the Linux capabilities the container needs with linuxParameters.capabilities.",
		Terraform: `resource "aws_ecs_task_definition" "example" {
  family = "example"
  container_definitions = jsonencode([{
    name       = "app"
    image      = "public.ecr.aws/example/app:1.0"
    privileged = false
  }])
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security",
		"https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-4",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-6"},
		{Framework: check.FrameworkNIST80053, ID: "CM-7"},
		{Framework: check.FrameworkPCIDSS40, ID: "2.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.2"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_334"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		eachContainer(in, r, func(c *ecs.Container) (model.Meta, bool, bool) {
			return c.Privileged.Meta, c.Privileged.Is(true), c.Privileged.Known()
		}, "Container %s of task definition %s runs in privileged mode.")
	},
}

var writableRoot = &check.Check{
	ID:          "AWS-ECS-003",
	Slug:        "aws-ecs-container-root-filesystem-writable",
	Title:       "ECS container has a writable root filesystem",
	Provider:    "aws",
	Service:     "ecs",
	Severity:    check.Low,
	Description: "A container definition does not set readonlyRootFilesystem to true, so processes in the container can write anywhere in its filesystem.",
	Rationale: "An attacker who gains code execution in a container with a writable root filesystem can drop tools, alter binaries or " +
		"configuration and persist; a read-only root limits writes to the volumes the application declares.",
	Remediation: check.Remediation{
		Text: "Set readonlyRootFilesystem to true and mount volumes (or a tmpfs) for the paths the application writes to.",
		Terraform: `resource "aws_ecs_task_definition" "example" {
  family = "example"
  container_definitions = jsonencode([{
    name                   = "app"
    image                  = "public.ecr.aws/example/app:1.0"
    readonlyRootFilesystem = true
  }])
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security",
		"https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-5",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "CM-7"},
		{Framework: check.FrameworkNIST80053, ID: "SI-7"},
		{Framework: check.FrameworkSOC2, ID: "CC6.8"},
		{Framework: check.FrameworkISO27001, ID: "A.8.9"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_336"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		eachContainer(in, r, func(c *ecs.Container) (model.Meta, bool, bool) {
			return c.ReadonlyRootFilesystem.Meta, c.ReadonlyRootFilesystem.Is(false), c.ReadonlyRootFilesystem.Known()
		}, "Container %s of task definition %s has a writable root filesystem.")
	},
}

var noLogging = &check.Check{
	ID:          "AWS-ECS-008",
	Slug:        "aws-ecs-container-no-log-configuration",
	Title:       "ECS container has no log configuration",
	Provider:    "aws",
	Service:     "ecs",
	Severity:    check.Low,
	Description: "A container definition has no logConfiguration, so its output is not sent to CloudWatch Logs, FireLens or another log driver.",
	Rationale: "Without collected container logs, application errors, authentication events and signs of compromise are lost when the " +
		"task stops, leaving nothing to investigate an incident with.",
	Remediation: check.Remediation{
		Text: "Add a logConfiguration to every container, for example the awslogs driver to a CloudWatch Logs group.",
		Terraform: `resource "aws_ecs_task_definition" "example" {
  family = "example"
  container_definitions = jsonencode([{
    name  = "app"
    image = "public.ecr.aws/example/app:1.0"
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.app.name
        awslogs-region        = "eu-west-1"
        awslogs-stream-prefix = "app"
      }
    }
  }])
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html",
		"https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-9",
	},
	Compliance: control.AuditLogging(),
	Evaluate: func(in *check.Input, r *check.Reporter) {
		eachContainer(in, r, func(c *ecs.Container) (model.Meta, bool, bool) {
			return c.LogDriver.Meta, c.LogDriver.Is(""), c.LogDriver.Known()
		}, "Container %s of task definition %s has no log configuration.")
	},
}

var envSecrets = &check.Check{
	ID:       "AWS-ECS-002",
	Slug:     "aws-ecs-secret-in-environment",
	Title:    "ECS container has a hard-coded secret in its environment",
	Provider: "aws",
	Service:  "ecs",
	Severity: check.Critical,
	Description: "A container definition's plaintext environment holds a value that looks like a credential: an AWS access key, a " +
		"private key, a known token format, or a long random value assigned to a name such as *_SECRET, *_TOKEN or PASSWORD.",
	Rationale: "Plaintext environment values are stored in the task definition, readable by anyone with ecs:DescribeTaskDefinition, " +
		"and in the infrastructure code and its state; the secrets parameter instead injects values from Secrets Manager or SSM at start, " +
		"encrypted, access-controlled and rotatable.",
	Remediation: check.Remediation{
		Text: "Move the value to Secrets Manager or an SSM SecureString parameter, reference it from the container's secrets list, allow the execution role to read it, and rotate the exposed value.",
		Terraform: `resource "aws_ecs_task_definition" "example" {
  family             = "example"
  execution_role_arn = aws_iam_role.execution.arn
  container_definitions = jsonencode([{
    name  = "app"
    image = "public.ecr.aws/example/app:1.0"
    secrets = [{
      name      = "DB_PASSWORD"
      valueFrom = aws_secretsmanager_secret.db.arn
    }]
  }])
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
		"https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-8",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "IA-5"},
		{Framework: check.FrameworkNIST80053, ID: "SC-28"},
		{Framework: check.FrameworkPCIDSS40, ID: "8.3.2"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.5.17"},
	},
	Equivalents: check.Equivalents{
		AVD:   []string{"AVD-AWS-0036"},
		Tfsec: []string{"aws-ecs-no-plaintext-secrets"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, td := range in.AWS.ECS.TaskDefinitions {
			if !td.Containers.Known() {
				continue
			}
			failed := false
			for _, c := range td.Containers.Items {
				for _, v := range c.Environment {
					if kind := v.Secret.Val(); kind != "" {
						failed = true
						r.Fail(td.Resource, v.Secret.Origin, "Container %s of task definition %s sets environment variable %s to a hard-coded %s.", c.Name.Val(), td.Name, v.Name, kind)
					}
				}
			}
			if !failed {
				r.Pass(td.Resource)
			}
		}
	},
}
