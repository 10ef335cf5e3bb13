variable "type" {
  type = string
}

variable "name" {
  type = string
}

resource "aws_ssm_parameter" "a" {
  name  = "/app/prod/db_password"
  type  = var.type
  value = "example"
}

resource "aws_ssm_parameter" "b" {
  name  = var.name
  type  = "String"
  value = "example"
}
