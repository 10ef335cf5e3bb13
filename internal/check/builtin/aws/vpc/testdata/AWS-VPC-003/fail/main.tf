resource "aws_security_group" "open" {
  name        = "open"
  description = "Wide open"

  ingress {
    description = "Everything"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"] # want: AWS-VPC-003
  }
}

resource "aws_security_group" "tcp" {
  name        = "tcp"
  description = "All TCP"
}

resource "aws_security_group_rule" "all_tcp" {
  type              = "ingress"
  security_group_id = aws_security_group.tcp.id
  description       = "All TCP over IPv6"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  ipv6_cidr_blocks  = ["::/0"] # want: AWS-VPC-003
}
