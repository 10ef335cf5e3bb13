resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0123456789abcdef0"
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP" # want: AWS-ELB-002

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# protocol defaults to HTTP on an application load balancer.
resource "aws_alb_listener" "defaulted" { # want: AWS-ELB-002
  load_balancer_arn = aws_lb.web.arn
  port              = 8080

  default_action {
    type = "redirect"
    redirect {
      port        = "8443"
      status_code = "HTTP_302"
    }
  }
}
