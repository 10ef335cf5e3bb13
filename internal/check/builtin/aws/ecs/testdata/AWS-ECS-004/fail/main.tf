resource "aws_ecs_task_definition" "monitor" {
  family       = "monitor"
  network_mode = "host" # want: AWS-ECS-004
  container_definitions = jsonencode([{
    name  = "node-exporter"
    image = "prom/node-exporter:v1.8.2"
  }])
}
