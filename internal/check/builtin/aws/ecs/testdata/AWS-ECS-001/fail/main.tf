resource "aws_ecs_task_definition" "agent" {
  family = "agent"
  container_definitions = jsonencode([ # want: AWS-ECS-001
    {
      name       = "agent"
      image      = "datadog/agent:7"
      privileged = true
    },
    {
      name  = "sidecar"
      image = "busybox:1.36"
    }
  ])
}

locals {
  dind_containers = <<-EOT
    [
      {
        "name": "dind",
        "image": "docker:24-dind",
        "privileged": true
      }
    ]
  EOT
}

resource "aws_ecs_task_definition" "heredoc" {
  family                = "heredoc"
  container_definitions = local.dind_containers # want: AWS-ECS-001
}
