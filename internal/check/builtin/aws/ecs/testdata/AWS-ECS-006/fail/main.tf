resource "aws_ecs_task_definition" "shared" {
  family = "shared"
  container_definitions = jsonencode([{
    name  = "app"
    image = "nginx:1.27"
  }])
  volume {
    name = "content"
    efs_volume_configuration { # want: AWS-ECS-006
      file_system_id = "fs-0123456789abcdef0"
    }
  }
  volume {
    name = "uploads"
    efs_volume_configuration {
      file_system_id     = "fs-0123456789abcdef1"
      transit_encryption = "DISABLED" # want: AWS-ECS-006
    }
  }
}
