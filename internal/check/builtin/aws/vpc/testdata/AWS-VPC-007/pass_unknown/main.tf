variable "vpc_id" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# It might manage aws_vpc.main's default group.
resource "aws_default_security_group" "somewhere" {
  vpc_id = var.vpc_id
}
