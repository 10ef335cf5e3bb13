resource "aws_security_group" "app" {
  name        = "app"
  description = "App servers"

  ingress { # want: AWS-VPC-006
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}

resource "aws_security_group_rule" "egress" { # want: AWS-VPC-006
  type              = "egress"
  security_group_id = aws_security_group.app.id
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/16"]
}
