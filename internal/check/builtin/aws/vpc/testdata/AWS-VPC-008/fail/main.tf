resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_network_acl" "public" {
  vpc_id = aws_vpc.main.id

  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0" # want: AWS-VPC-008
    from_port  = 22
    to_port    = 22
  }
}

resource "aws_network_acl" "wide" {
  vpc_id = aws_vpc.main.id
}

# Denying SSH first leaves RDP open.
resource "aws_network_acl_rule" "deny_ssh" {
  network_acl_id = aws_network_acl.wide.id
  rule_number    = 50
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}

resource "aws_network_acl_rule" "all" {
  network_acl_id  = aws_network_acl.wide.id
  rule_number     = 100
  protocol        = "-1"
  rule_action     = "allow"
  ipv6_cidr_block = "::/0" # want: AWS-VPC-008
}
