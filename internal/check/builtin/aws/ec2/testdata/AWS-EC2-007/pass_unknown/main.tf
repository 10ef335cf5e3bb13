variable "encrypt" {
  type = bool
}

variable "default_encryption" {
  type = bool
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = var.default_encryption
}

resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = var.encrypt
  }
}

resource "aws_instance" "defaulted" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}
