resource "aws_instance" "web" { # want: AWS-EC2-019
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}

resource "aws_instance" "worker" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  monitoring    = false # want: AWS-EC2-019
}
