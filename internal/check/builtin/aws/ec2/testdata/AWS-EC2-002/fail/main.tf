resource "aws_launch_template" "web" { # want: AWS-EC2-002
  name          = "web"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}

resource "aws_launch_template" "worker" {
  name          = "worker"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional" # want: AWS-EC2-002
  }
}
