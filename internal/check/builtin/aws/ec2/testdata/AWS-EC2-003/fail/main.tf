resource "aws_launch_configuration" "web" { # want: AWS-EC2-003
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = true
  }
}

resource "aws_launch_configuration" "worker" {
  name_prefix   = "worker-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "optional" # want: AWS-EC2-003
  }
}
