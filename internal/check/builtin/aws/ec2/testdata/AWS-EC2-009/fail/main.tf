resource "aws_launch_configuration" "web" { # want: AWS-EC2-009
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}

resource "aws_launch_configuration" "data" {
  name_prefix   = "data-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    encrypted   = false # want: AWS-EC2-009
  }
}
