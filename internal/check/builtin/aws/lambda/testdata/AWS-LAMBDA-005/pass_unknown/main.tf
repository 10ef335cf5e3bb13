variable "principal" {}
variable "source_arn" {}

resource "aws_lambda_permission" "any" {
  statement_id  = "AllowAny"
  action        = "lambda:InvokeFunction"
  function_name = "thumbnails"
  principal     = var.principal
}

resource "aws_lambda_permission" "s3" {
  statement_id  = "AllowS3"
  action        = "lambda:InvokeFunction"
  function_name = "thumbnails"
  principal     = "s3.amazonaws.com"
  source_arn    = var.source_arn
}
