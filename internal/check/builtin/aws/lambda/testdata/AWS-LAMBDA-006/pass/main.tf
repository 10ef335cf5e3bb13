resource "aws_lambda_permission" "org" {
  statement_id     = "AllowOrg"
  action           = "lambda:InvokeFunction"
  function_name    = "reports"
  principal        = "*"
  principal_org_id = "o-a1b2c3d4e5"
}

resource "aws_lambda_permission" "account" {
  statement_id  = "AllowPartner"
  action        = "lambda:InvokeFunction"
  function_name = "reports"
  principal     = "arn:aws:iam::444455556666:root"
}
