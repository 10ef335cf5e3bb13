resource "aws_lambda_permission" "public" {
  statement_id  = "AllowEveryone"
  action        = "lambda:InvokeFunction"
  function_name = "reports"
  principal     = "*" # want: AWS-LAMBDA-006
}

resource "aws_lambda_permission" "url" {
  statement_id           = "FunctionURLAllowPublicAccess"
  action                 = "lambda:InvokeFunctionUrl"
  function_name          = "webhook"
  principal              = "*" # want: AWS-LAMBDA-006
  function_url_auth_type = "NONE"
}
