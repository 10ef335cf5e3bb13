resource "aws_ebs_volume" "data" { # want: AWS-EC2-014
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
}
