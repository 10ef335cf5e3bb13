package ecs

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model/aws/ecs"
)

var hostNetwork = &check.Check{
	ID:       "AWS-ECS-004",
	Slug:     "aws-ecs-task-host-network-mode",
	Title:    "ECS task definition uses the host network mode",
	Provider: "aws",
	Service:  "ecs",
	Severity: check.Medium,
	Description: "The task definition's network mode is host: its containers share the container instance's network stack " +
		"instead of getting their own interface.",
	Rationale: "Containers on the host network can bind any host port, reach services listening on the instance's loopback interface " +
		"(including the metadata endpoint without hop limits) and cannot be given their own security groups, which weakens isolation " +
		"between tasks and the host.",
	Remediation: check.Remediation{
		Text: "Use the awsvpc network mode, which gives each task its own elastic network interface and security groups.",
		Terraform: `resource "aws_ecs_task_definition" "example" {
  family       = "example"
  network_mode = "awsvpc"
  # ...
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-7"},
		{Framework: check.FrameworkNIST80053, ID: "SC-39"},
		{Framework: check.FrameworkSOC2, ID: "CC6.6"},
		{Framework: check.FrameworkISO27001, ID: "A.8.22"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, td := range in.AWS.ECS.TaskDefinitions {
			switch m := td.NetworkMode; {
			case m.Is("host"):
				r.Fail(td.Resource, m.Origin, "Task definition %s uses the host network mode.", td.Name)
			case m.Known():
				r.Pass(td.Resource)
			}
		}
	},
}

var hostNamespaces = &check.Check{
	ID:       "AWS-ECS-005",
	Slug:     "aws-ecs-task-shares-host-namespace",
	Title:    "ECS task definition shares the host's process or IPC namespace",
	Provider: "aws",
	Service:  "ecs",
	Severity: check.Medium,
	Description: "The task definition sets pid_mode or ipc_mode to host, so its containers see the container instance's processes or " +
		"its System V IPC objects and shared memory.",
	Rationale: "With the host PID namespace a container can list, trace and signal every process on the instance, including other tasks' " +
		"and the ECS agent's, and read their environment; the host IPC namespace exposes other processes' shared memory. Both break the " +
		"isolation between tasks.",
	Remediation: check.Remediation{
		Text: "Remove pid_mode and ipc_mode, or set them to task to share namespaces only between the containers of the task.",
		Terraform: `resource "aws_ecs_task_definition" "example" {
  family   = "example"
  pid_mode = "task"
  ipc_mode = "task"
  # ...
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_pidmode",
		"https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-3",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-39"},
		{Framework: check.FrameworkNIST80053, ID: "AC-6"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.9"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_335"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, td := range in.AWS.ECS.TaskDefinitions {
			evalHostNamespaces(td, r)
		}
	},
}

func evalHostNamespaces(td *ecs.TaskDefinition, r *check.Reporter) {
	failed := false
	if td.PIDMode.Is("host") {
		failed = true
		r.Fail(td.Resource, td.PIDMode.Origin, "Task definition %s shares the host's process namespace.", td.Name)
	}
	if td.IPCMode.Is("host") {
		failed = true
		r.Fail(td.Resource, td.IPCMode.Origin, "Task definition %s shares the host's IPC namespace.", td.Name)
	}
	if !failed && td.PIDMode.Known() && td.IPCMode.Known() {
		r.Pass(td.Resource)
	}
}

var efsTransit = &check.Check{
	ID:       "AWS-ECS-006",
	Slug:     "aws-ecs-efs-volume-transit-encryption-disabled",
	Title:    "ECS task definition mounts an EFS volume without encryption in transit",
	Provider: "aws",
	Service:  "ecs",
	Severity: check.Medium,
	Description: "An EFS volume of the task definition does not enable transit encryption, so NFS traffic between the task and the " +
		"file system crosses the network in clear text.",
	Rationale: "Without TLS, anyone able to capture traffic in the VPC (a compromised host, a misrouted mirror session) can read and " +
		"alter the files the task reads and writes.",
	Remediation: check.Remediation{
		Text: "Set transit_encryption to ENABLED on every EFS volume (required anyway for IAM authorization and access points).",
		Terraform: `resource "aws_ecs_task_definition" "example" {
  # ...
  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id     = aws_efs_file_system.data.id
      transit_encryption = "ENABLED"
      authorization_config {
        iam = "ENABLED"
      }
    }
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html"},
	Compliance: control.EncryptionInTransit(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0035"},
		Tfsec:   []string{"aws-ecs-enable-in-transit-encryption"},
		Checkov: []string{"CKV_AWS_97"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, td := range in.AWS.ECS.TaskDefinitions {
			evalEFSTransit(td, r)
		}
	},
}

func evalEFSTransit(td *ecs.TaskDefinition, r *check.Reporter) {
	judged, failed, efs := td.VolumesKnown, false, false
	for _, v := range td.Volumes {
		if v.EFS == nil {
			continue
		}
		efs = true
		switch te := v.EFS.TransitEncryption; {
		case te.Is("DISABLED"):
			failed = true
			r.Fail(td.Resource, te.Origin, "Task definition %s mounts EFS volume %s without encryption in transit.", td.Name, v.Name.Val())
		case !te.Known():
			judged = false
		}
	}
	if efs && judged && !failed {
		r.Pass(td.Resource)
	}
}
