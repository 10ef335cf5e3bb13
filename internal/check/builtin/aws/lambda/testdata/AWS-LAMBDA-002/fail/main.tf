resource "aws_lambda_function" "default" { # want: AWS-LAMBDA-002
  function_name = "default-tracing"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "app.handler"
  filename      = "build/app.zip"
  runtime       = "python3.13"
}

resource "aws_lambda_function" "passthrough" {
  function_name = "passthrough"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "app.handler"
  filename      = "build/app.zip"
  runtime       = "python3.13"
  tracing_config {
    mode = "PassThrough" # want: AWS-LAMBDA-002
  }
}
