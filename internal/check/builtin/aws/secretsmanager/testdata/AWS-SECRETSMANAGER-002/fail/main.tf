resource "aws_secretsmanager_secret" "db" { # want: AWS-SECRETSMANAGER-002
  name = "prod/db"
}

# A version alone does not rotate anything. Its value is never read.
resource "aws_secretsmanager_secret_version" "db" {
  secret_id     = aws_secretsmanager_secret.db.id
  secret_string = "example-value"
}
