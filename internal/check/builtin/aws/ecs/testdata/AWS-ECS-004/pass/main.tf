resource "aws_ecs_task_definition" "bridge" {
  family = "bridge"
  container_definitions = jsonencode([{
    name  = "app"
    image = "nginx:1.27"
  }])
}
