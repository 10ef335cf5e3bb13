resource "aws_elb" "web" { # want: AWS-ELB-008
  name               = "web"
  availability_zones = ["us-east-1a", "us-east-1b"]

  listener {
    instance_port     = 8080
    instance_protocol = "tcp"
    lb_port           = 443
    lb_protocol       = "tcp"
  }
}

resource "aws_elb" "paused" {
  name               = "paused"
  availability_zones = ["us-east-1a"]

  listener {
    instance_port     = 8080
    instance_protocol = "tcp"
    lb_port           = 443
    lb_protocol       = "tcp"
  }

  access_logs {
    bucket  = "example-elb-logs"
    enabled = false # want: AWS-ELB-008
  }
}
