variable "public" {}

resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = "arn:aws:ecs:eu-west-1:111122223333:cluster/main"
  task_definition = "web:3"
  launch_type     = "FARGATE"
  network_configuration {
    subnets          = ["subnet-0123456789abcdef0"]
    assign_public_ip = var.public
  }
}
