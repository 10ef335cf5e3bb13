resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_default_security_group" "main" {
  vpc_id = aws_vpc.main.id

  ingress { # want: AWS-VPC-007
    protocol  = "-1"
    self      = true
    from_port = 0
    to_port   = 0
  }

  egress { # want: AWS-VPC-007
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Nothing manages this VPC's default group, so it keeps AWS's allow rules.
resource "aws_vpc" "other" { # want: AWS-VPC-007
  cidr_block = "10.1.0.0/16"
}
