variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/app/prod/db_password"
  type  = "SecureString"
  value = var.db_password
}

resource "aws_ssm_parameter" "db_host" {
  name  = "/app/prod/db_host"
  type  = "String"
  value = "db.internal.example.com"
}

# "token" inside a word does not name a secret.
resource "aws_ssm_parameter" "tokenizer" {
  name  = "/app/prod/tokenizer"
  type  = "String"
  value = "wordpiece"
}
