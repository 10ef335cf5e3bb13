variable "enabled" {
  type = bool
}

resource "aws_elb" "web" {
  name               = "web"
  availability_zones = ["us-east-1a", "us-east-1b"]

  listener {
    instance_port     = 8080
    instance_protocol = "tcp"
    lb_port           = 443
    lb_protocol       = "tcp"
  }

  access_logs {
    bucket        = "example-elb-logs"
    bucket_prefix = "web"
    interval      = 60
  }
}

resource "aws_elb" "unknown" {
  name               = "unknown"
  availability_zones = ["us-east-1a"]

  listener {
    instance_port     = 8080
    instance_protocol = "tcp"
    lb_port           = 443
    lb_protocol       = "tcp"
  }

  access_logs {
    bucket  = "example-elb-logs"
    enabled = var.enabled
  }
}
