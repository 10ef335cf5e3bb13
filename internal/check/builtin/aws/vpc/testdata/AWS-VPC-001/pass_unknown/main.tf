variable "admin_cidrs" {
  type = list(string)
}

variable "port" {
  type = number
}

resource "aws_security_group" "admin" {
  name        = "admin"
  description = "Admin access"

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }

  ingress {
    description = "Some port"
    from_port   = var.port
    to_port     = var.port
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
