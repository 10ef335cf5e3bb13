resource "aws_lambda_function" "rotate" {
  function_name = "rotate-db"
  role          = "arn:aws:iam::111122223333:role/rotate"
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "rotate.zip"
}

resource "aws_secretsmanager_secret" "db" {
  name = "prod/db"
}

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn
  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_secretsmanager_secret" "legacy" {
  name                = "prod/legacy"
  rotation_lambda_arn = aws_lambda_function.rotate.arn
  rotation_rules {
    automatically_after_days = 60
  }
}

resource "aws_secretsmanager_secret" "by_name" {
  name = "prod/by-name"
}

resource "aws_secretsmanager_secret_rotation" "by_name" {
  secret_id = "prod/by-name"
  rotation_rules {
    schedule_expression = "rate(10 days)"
  }
}
