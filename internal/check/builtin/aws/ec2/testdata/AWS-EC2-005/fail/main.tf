resource "aws_security_group" "web" {
  name        = "web"
  description = "Web servers"
}

resource "aws_launch_template" "web" {
  name          = "web"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  network_interfaces {
    associate_public_ip_address = true # want: AWS-EC2-005
    security_groups             = [aws_security_group.web.id]
  }
}
