variable "image_tag" {}
variable "privileged" {}
variable "network_mode" {}
variable "pid_mode" {}
variable "transit_encryption" {}

resource "aws_ecs_task_definition" "unknown" {
  family       = "unknown"
  network_mode = var.network_mode
  pid_mode     = var.pid_mode
  container_definitions = jsonencode([{
    name       = "app"
    image      = "app:${var.image_tag}"
    privileged = var.privileged
    environment = [{ name = "API_TOKEN", value = "9f8e7d6c5b4a39281706f5e4d3c2b1a0" }]
  }])
  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id     = "fs-0123456789abcdef0"
      transit_encryption = var.transit_encryption
    }
  }
}
