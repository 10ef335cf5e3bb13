resource "aws_ami" "app" {
  name                = "app-2024-06"
  root_device_name    = "/dev/xvda"
  virtualization_type = "hvm"

  ebs_block_device { # want: AWS-EC2-018
    device_name = "/dev/xvda"
    volume_size = 8
  }
}

resource "aws_ami_copy" "app_dr" {
  name              = "app-2024-06-dr"
  source_ami_id     = aws_ami.app.id
  source_ami_region = "us-east-1"
  encrypted         = false # want: AWS-EC2-018
}
