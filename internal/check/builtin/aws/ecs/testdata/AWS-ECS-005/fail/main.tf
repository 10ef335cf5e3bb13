resource "aws_ecs_task_definition" "debug" {
  family   = "debug"
  pid_mode = "host" # want: AWS-ECS-005
  ipc_mode = "host" # want: AWS-ECS-005
  container_definitions = jsonencode([{
    name  = "debug"
    image = "nicolaka/netshoot:v0.13"
  }])
}
