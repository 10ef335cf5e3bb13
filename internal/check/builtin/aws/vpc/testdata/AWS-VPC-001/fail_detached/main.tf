variable "security_group_id" {
  type = string
}

# The group is outside the configuration; the rule is still open to the world.
resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = var.security_group_id
  description       = "SSH"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "0.0.0.0/0" # want: AWS-VPC-001
}
