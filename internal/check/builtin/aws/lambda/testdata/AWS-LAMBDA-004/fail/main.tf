resource "aws_lambda_function" "hook" {
  function_name = "webhook"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "app.handler"
  filename      = "build/app.zip"
  runtime       = "python3.13"
}

resource "aws_lambda_function_url" "hook" {
  function_name      = aws_lambda_function.hook.function_name
  authorization_type = "NONE" # want: AWS-LAMBDA-004
  cors {
    allow_origins = ["*"]
  }
}
