locals {
  common_env = {
    LOG_LEVEL = "info"
  }
}

resource "aws_lambda_function" "billing" {
  function_name = "billing"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "app.handler"
  filename      = "build/app.zip"
  runtime       = "python3.13"
  environment {
    variables = merge(local.common_env, { # want: AWS-LAMBDA-003, AWS-LAMBDA-003
      DB_PASSWORD       = "Tr0ub4dor&3x-prod"
      AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLQ"
      DB_HOST           = "billing.cluster-abc.eu-west-1.rds.amazonaws.com"
    })
  }
}

resource "aws_lambda_function" "notifier" {
  function_name = "notifier"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "app.handler"
  filename      = "build/app.zip"
  runtime       = "nodejs22.x"
  environment {
    variables = { # want: AWS-LAMBDA-003
      SLACK_WEBHOOK_PATH = "/services/T000/B000"
      API_TOKEN          = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    }
  }
}
