resource "aws_secretsmanager_secret" "db" {
  name = "prod/billing/db"
}

resource "aws_lambda_function" "billing" {
  function_name = "billing"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "app.handler"
  filename      = "build/app.zip"
  runtime       = "python3.13"
  environment {
    variables = {
      DB_PASSWORD_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/billing/db-AbCdEf"
      DB_USER                = "billing"
      LOG_LEVEL              = "info"
    }
  }
}

resource "aws_lambda_function" "plain" {
  function_name = "plain"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "app.handler"
  filename      = "build/app.zip"
  runtime       = "python3.13"
}
