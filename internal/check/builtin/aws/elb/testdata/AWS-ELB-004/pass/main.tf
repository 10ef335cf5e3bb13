variable "logging" {
  type = bool
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]

  access_logs {
    bucket = "example-lb-logs"
    prefix = "web"
  }
}

resource "aws_lb" "unknown" {
  name    = "unknown"
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]

  access_logs {
    bucket  = "example-lb-logs"
    enabled = var.logging
  }
}
