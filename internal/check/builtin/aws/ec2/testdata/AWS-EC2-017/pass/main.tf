variable "group" {
  type = string
}

resource "aws_ami_launch_permission" "partner" {
  image_id   = "ami-0abcdef1234567890"
  account_id = "111122223333"
}

resource "aws_ami_launch_permission" "org" {
  image_id         = "ami-0abcdef1234567890"
  organization_arn = "arn:aws:organizations::111122223333:organization/o-example123"
}

resource "aws_ami_launch_permission" "unknown" {
  image_id = "ami-0abcdef1234567890"
  group    = var.group
}
