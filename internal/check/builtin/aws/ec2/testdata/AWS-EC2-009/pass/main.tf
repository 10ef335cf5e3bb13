variable "encrypted" {
  type = bool
}

resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = true
  }
}

resource "aws_launch_configuration" "unknown" {
  name_prefix   = "unknown-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = var.encrypted
  }
}
