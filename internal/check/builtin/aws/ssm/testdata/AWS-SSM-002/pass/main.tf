variable "api_key" {
  type      = string
  sensitive = true
}

resource "aws_kms_key" "params" {
  enable_key_rotation = true
}

resource "aws_ssm_parameter" "api_key" {
  name   = "/app/prod/api_key"
  type   = "SecureString"
  key_id = aws_kms_key.params.key_id
  value  = var.api_key
}

# Plain parameters are not encrypted at all: not judged here.
resource "aws_ssm_parameter" "region" {
  name  = "/app/prod/region"
  type  = "String"
  value = "eu-west-1"
}
