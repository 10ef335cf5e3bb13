resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# No rules: Terraform removes every rule of the default group.
resource "aws_default_security_group" "main" {
  vpc_id = aws_vpc.main.id
}
