variable "retention_days" {
  type = number
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/api"
  retention_in_days = var.retention_days
}
