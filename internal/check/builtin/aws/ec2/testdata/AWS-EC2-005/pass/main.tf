variable "public" {
  type = bool
}

resource "aws_launch_template" "web" {
  name     = "web"
  image_id = "ami-0abcdef1234567890"

  network_interfaces {
    associate_public_ip_address = "false"
  }
}

# No network interface settings: the subnet decides, which is unknown here.
resource "aws_launch_template" "subnet_decides" {
  name     = "subnet-decides"
  image_id = "ami-0abcdef1234567890"
}

resource "aws_launch_template" "variable" {
  name     = "variable"
  image_id = "ami-0abcdef1234567890"

  network_interfaces {
    associate_public_ip_address = var.public
  }
}
