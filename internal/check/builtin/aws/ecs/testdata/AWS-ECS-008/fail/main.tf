resource "aws_ecs_task_definition" "quiet" {
  family = "quiet"
  container_definitions = jsonencode([ # want: AWS-ECS-008
    {
      name  = "app"
      image = "nginx:1.27"
    },
    {
      name  = "logged"
      image = "nginx:1.27"
      logConfiguration = {
        logDriver = "awslogs"
        options   = { awslogs-group = "/ecs/quiet" }
      }
    }
  ])
}
