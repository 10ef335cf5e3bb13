resource "aws_lambda_permission" "s3" { # want: AWS-LAMBDA-005
  statement_id  = "AllowS3"
  action        = "lambda:InvokeFunction"
  function_name = "thumbnails"
  principal     = "s3.amazonaws.com"
}

resource "aws_lambda_permission" "events" { # want: AWS-LAMBDA-005
  for_each      = toset(["nightly"])
  statement_id  = "AllowEvents-${each.key}"
  action        = "lambda:InvokeFunction"
  function_name = "reports"
  principal     = "events.amazonaws.com"
}
