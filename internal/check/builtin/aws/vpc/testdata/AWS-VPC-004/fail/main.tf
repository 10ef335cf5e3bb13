resource "aws_security_group" "db" {
  name        = "db"
  description = "Database"

  ingress {
    description = "MySQL"
    from_port   = 3306
    to_port     = 3306
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # want: AWS-VPC-004
  }
}

resource "aws_vpc_security_group_ingress_rule" "range" {
  security_group_id = aws_security_group.db.id
  description       = "A range that includes PostgreSQL and Kibana"
  ip_protocol       = "tcp"
  from_port         = 5000
  to_port           = 6000
  cidr_ipv6         = "::/0" # want: AWS-VPC-004
}
