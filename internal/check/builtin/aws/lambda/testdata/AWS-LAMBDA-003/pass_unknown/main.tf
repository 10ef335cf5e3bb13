variable "db_password" {
  sensitive = true
}

variable "extra_env" {
  type = map(string)
}

resource "aws_lambda_function" "billing" {
  function_name = "billing"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "app.handler"
  filename      = "build/app.zip"
  runtime       = "python3.13"
  environment {
    variables = {
      DB_PASSWORD = var.db_password
    }
  }
}

resource "aws_lambda_function" "other" {
  function_name = "other"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "app.handler"
  filename      = "build/app.zip"
  runtime       = "python3.13"
  environment {
    variables = var.extra_env
  }
}
