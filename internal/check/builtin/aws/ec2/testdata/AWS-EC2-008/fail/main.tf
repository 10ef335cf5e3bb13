resource "aws_launch_template" "app" {
  name     = "app"
  image_id = "ami-0abcdef1234567890"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
      encrypted   = "false" # want: AWS-EC2-008
    }
  }

  block_device_mappings {
    device_name = "/dev/xvdf"
    ebs { # want: AWS-EC2-008
      volume_size = 100
    }
  }
}
