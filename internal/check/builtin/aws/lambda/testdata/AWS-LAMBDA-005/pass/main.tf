resource "aws_s3_bucket" "uploads" {
  bucket = "example-uploads"
}

resource "aws_lambda_permission" "s3" {
  statement_id   = "AllowS3"
  action         = "lambda:InvokeFunction"
  function_name  = "thumbnails"
  principal      = "s3.amazonaws.com"
  source_arn     = aws_s3_bucket.uploads.arn
  source_account = "111122223333"
}

resource "aws_lambda_permission" "sns" {
  statement_id  = "AllowSNS"
  action        = "lambda:InvokeFunction"
  function_name = "notifier"
  principal     = "sns.amazonaws.com"
  source_arn    = "arn:aws:sns:eu-west-1:111122223333:alerts"
}

resource "aws_lambda_permission" "account" {
  statement_id  = "AllowPartner"
  action        = "lambda:InvokeFunction"
  function_name = "notifier"
  principal     = "444455556666"
}
