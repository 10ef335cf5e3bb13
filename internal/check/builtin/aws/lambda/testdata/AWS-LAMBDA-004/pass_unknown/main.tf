variable "auth_type" {}

resource "aws_lambda_function_url" "maybe" {
  function_name      = "internal-api"
  authorization_type = var.auth_type
}
