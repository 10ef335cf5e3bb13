resource "aws_lb" "web" { # want: AWS-ELB-004
  name    = "web"
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_lb" "paused" {
  name    = "paused"
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]

  access_logs {
    bucket  = "example-lb-logs"
    enabled = false # want: AWS-ELB-004
  }
}
