resource "aws_security_group" "analytics" {
  name        = "analytics"
  description = "Analytics cluster"

  ingress {
    description = "Kafka brokers"
    from_port   = 9092
    to_port     = 9092
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # want: AWS-VPC-004
  }

  ingress {
    description = "HDFS NameNode"
    from_port   = 8020
    to_port     = 8020
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"] # want: AWS-VPC-004
  }
}

resource "aws_security_group_rule" "memcached_udp" {
  type              = "ingress"
  security_group_id = aws_security_group.analytics.id
  description       = "Memcached over UDP"
  from_port         = 11211
  to_port           = 11211
  protocol          = "udp"
  cidr_blocks       = ["0.0.0.0/0"] # want: AWS-VPC-004
}
