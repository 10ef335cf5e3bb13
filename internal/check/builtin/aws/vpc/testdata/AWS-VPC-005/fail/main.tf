resource "aws_security_group" "app" {
  name        = "app"
  description = "App servers"

  egress {
    description = "Everything"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"] # want: AWS-VPC-005
  }
}

resource "aws_vpc_security_group_egress_rule" "ipv6" {
  security_group_id = aws_security_group.app.id
  description       = "Everything over IPv6"
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0" # want: AWS-VPC-005
}
