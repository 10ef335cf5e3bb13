variable "user_data" {
  type = string
}

resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = "#!/bin/bash\nsystemctl start app\n"
}

resource "aws_launch_configuration" "unknown" {
  name_prefix   = "unknown-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = var.user_data
}
