resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "app.handler"
  filename      = "build/api.zip"
  runtime       = "python3.13"
}

resource "aws_lambda_function" "image" {
  function_name = "worker"
  role          = "arn:aws:iam::111122223333:role/fn"
  package_type  = "Image"
  image_uri     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/worker:1.0"
}
