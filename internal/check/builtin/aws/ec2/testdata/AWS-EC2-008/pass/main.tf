variable "encrypted" {
  type = string
}

resource "aws_launch_template" "app" {
  name     = "app"
  image_id = "ami-0abcdef1234567890"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
      encrypted   = "true"
    }
  }
}

resource "aws_launch_template" "unknown" {
  name     = "unknown"
  image_id = "ami-0abcdef1234567890"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = var.encrypted
    }
  }
}

# No mappings: the AMI's block devices are used, which are not known here.
resource "aws_launch_template" "ami_devices" {
  name     = "ami-devices"
  image_id = "ami-0abcdef1234567890"
}
