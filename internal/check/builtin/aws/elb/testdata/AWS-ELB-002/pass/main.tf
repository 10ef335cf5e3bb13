variable "protocol" {
  type = string
}

variable "load_balancer_arn" {
  type = string
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "unknown" {
  load_balancer_arn = aws_lb.web.arn
  port              = 8080
  protocol          = var.protocol

  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "404"
    }
  }
}

# No protocol, and the load balancer's type is unknown.
resource "aws_lb_listener" "external" {
  load_balancer_arn = var.load_balancer_arn
  port              = 9000

  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "404"
    }
  }
}
