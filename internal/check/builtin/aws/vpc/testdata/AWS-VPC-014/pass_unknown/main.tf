variable "description" {
  type = string
}

resource "aws_security_group" "app" {
  name        = "app"
  description = var.description
}
