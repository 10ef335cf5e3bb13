variable "cidrs" {
  type = list(string)
}

resource "aws_security_group" "files" {
  name        = "files"
  description = "File server"

  ingress {
    description = "SMB from the office"
    from_port   = 445
    to_port     = 445
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"]
  }

  ingress {
    description = "VNC from somewhere"
    from_port   = 5900
    to_port     = 5900
    protocol    = "tcp"
    cidr_blocks = var.cidrs
  }
}
