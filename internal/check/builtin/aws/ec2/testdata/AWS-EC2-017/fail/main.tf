resource "aws_ami" "app" {
  name                = "app-2024-06"
  root_device_name    = "/dev/xvda"
  virtualization_type = "hvm"

  ebs_block_device {
    device_name = "/dev/xvda"
    snapshot_id = "snap-0123456789abcdef0"
  }
}

resource "aws_ami_launch_permission" "public" {
  image_id = aws_ami.app.id
  group    = "all" # want: AWS-EC2-017
}
