variable "protocol" {
  type = string
}

resource "aws_security_group" "internal" {
  name        = "internal"
  description = "Internal traffic"

  ingress {
    description = "Everything from the VPC"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/16"]
  }

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "unknown" {
  name        = "unknown"
  description = "Unknown protocol"

  ingress {
    description = "Something"
    from_port   = 0
    to_port     = 65535
    protocol    = var.protocol
    cidr_blocks = ["0.0.0.0/0"]
  }
}
