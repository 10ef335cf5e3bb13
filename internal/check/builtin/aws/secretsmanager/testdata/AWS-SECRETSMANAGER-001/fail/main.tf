resource "aws_secretsmanager_secret" "db" { # want: AWS-SECRETSMANAGER-001
  name = "prod/db"
}

resource "aws_secretsmanager_secret" "api" {
  name       = "prod/api"
  kms_key_id = "alias/aws/secretsmanager" # want: AWS-SECRETSMANAGER-001
}
