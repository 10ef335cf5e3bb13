variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/app/prod/db_password"
  type  = "String" # want: AWS-SSM-001
  value = var.db_password
}

resource "aws_ssm_parameter" "tokens" {
  name           = "/app/prod/API-KEY"
  type           = "StringList" # want: AWS-SSM-001
  insecure_value = "first,second"
}
