resource "aws_ebs_volume" "data" { # want: AWS-EC2-013
  availability_zone = "us-east-1a"
  size              = 100
}

resource "aws_ebs_volume" "logs" {
  availability_zone = "us-east-1a"
  size              = 50
  encrypted         = false # want: AWS-EC2-013
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = false
}
