resource "aws_ecs_cluster" "main" { # want: AWS-ECS-007
  name = "main"
}

resource "aws_ecs_cluster" "batch" {
  name = "batch"
  setting {
    name  = "containerInsights"
    value = "disabled" # want: AWS-ECS-007
  }
}
