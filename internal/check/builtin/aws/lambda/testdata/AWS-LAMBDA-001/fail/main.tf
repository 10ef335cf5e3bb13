resource "aws_lambda_function" "legacy" {
  function_name = "legacy-report"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "index.handler"
  filename      = "build/report.zip"
  runtime       = "python3.7" # want: AWS-LAMBDA-001
}

locals {
  node = "nodejs14.x"
}

resource "aws_lambda_function" "thumbnails" {
  for_each      = toset(["small", "large"])
  function_name = "thumbnails-${each.key}"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "index.handler"
  filename      = "build/thumbs.zip"
  runtime       = local.node # want: AWS-LAMBDA-001, AWS-LAMBDA-001
}

resource "aws_lambda_function" "go" {
  function_name = "ingest"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "bootstrap"
  filename      = "build/ingest.zip"
  runtime       = "go1.x" # want: AWS-LAMBDA-001
}
