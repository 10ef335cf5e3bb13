resource "aws_default_vpc" "default" { # want: AWS-VPC-012
  tags = {
    Name = "Default VPC"
  }
}
