variable "key_id" {
  type = string
}

resource "aws_ssm_parameter" "api_key" {
  name   = "/app/prod/api_key"
  type   = "SecureString"
  key_id = var.key_id
  value  = "example"
}
