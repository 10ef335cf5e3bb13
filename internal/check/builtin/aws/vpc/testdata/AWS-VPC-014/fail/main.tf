resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# No description: the provider sets "Managed by Terraform".
resource "aws_security_group" "web" { # want: AWS-VPC-014
  name   = "web"
  vpc_id = aws_vpc.main.id

  ingress {
    description = "HTTPS from the internet"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "" # want: AWS-VPC-014
  vpc_id      = aws_vpc.main.id
}

resource "aws_security_group" "cache" {
  name_prefix = "cache-"
  description = "Managed by Terraform" # want: AWS-VPC-014
  vpc_id      = aws_vpc.main.id
}
