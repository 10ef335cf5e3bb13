variable "cidrs" {
  type = list(string)
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "App servers"

  egress {
    description = "HTTPS out"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    description = "Everything inside the VPC"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/16"]
  }
}

resource "aws_security_group" "unknown" {
  name        = "unknown"
  description = "Unknown egress"

  egress {
    description = "Everything to somewhere"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = var.cidrs
  }
}
