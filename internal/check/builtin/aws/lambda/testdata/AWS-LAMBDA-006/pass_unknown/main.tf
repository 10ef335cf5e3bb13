variable "principal" {}
variable "org_id" {}

resource "aws_lambda_permission" "any" {
  statement_id  = "AllowAny"
  action        = "lambda:InvokeFunction"
  function_name = "reports"
  principal     = var.principal
}

resource "aws_lambda_permission" "org" {
  statement_id     = "AllowOrg"
  action           = "lambda:InvokeFunction"
  function_name    = "reports"
  principal        = "*"
  principal_org_id = var.org_id
}
