resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "Public web servers behind the load balancer"
  vpc_id      = aws_vpc.main.id
}

# AWS fixes the default group's description; it is not judged.
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
}
