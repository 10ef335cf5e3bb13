resource "aws_lb" "web" { # want: AWS-ELB-001
  name               = "web"
  load_balancer_type = "application"
  subnets            = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_alb" "legacy" {
  name                       = "legacy"
  subnets                    = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  drop_invalid_header_fields = false # want: AWS-ELB-001
}
