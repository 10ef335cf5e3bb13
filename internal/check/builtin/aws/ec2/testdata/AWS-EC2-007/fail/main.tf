resource "aws_instance" "default_root" { # want: AWS-EC2-007
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}

resource "aws_instance" "explicit" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  root_block_device {
    volume_size = 20
    encrypted   = false # want: AWS-EC2-007
  }

  ebs_block_device { # want: AWS-EC2-007
    device_name = "/dev/sdf"
    volume_size = 100
  }
}
