resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([ # want: AWS-ECS-003, AWS-ECS-003
    {
      name  = "web"
      image = "nginx:1.27"
    },
    {
      name                   = "cache"
      image                  = "redis:7"
      readonlyRootFilesystem = false
    }
  ])
}
