variable "api_key" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "api_key" { # want: AWS-SSM-002
  name  = "/app/prod/api_key"
  type  = "SecureString"
  value = var.api_key
}

resource "aws_ssm_parameter" "token" {
  name   = "/app/prod/token"
  type   = "SecureString"
  key_id = "alias/aws/ssm" # want: AWS-SSM-002
  value  = var.api_key
}
