variable "log_arn" {}
variable "xray" {}
variable "encrypted" {}
variable "authorization" {}
variable "route_auth" {}
variable "api_id" {}
variable "tls" {}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id          = "a1b2c3d4e5"
  deployment_id        = "abc123"
  stage_name           = "prod"
  xray_tracing_enabled = var.xray
  access_log_settings {
    destination_arn = var.log_arn
    format          = "$context.requestId"
  }
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = "a1b2c3d4e5"
  stage_name  = "prod"
  method_path = "*/*"
  settings {
    caching_enabled      = true
    cache_data_encrypted = var.encrypted
  }
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = "a1b2c3d4e5"
  resource_id   = "xyz789"
  http_method   = "GET"
  authorization = var.authorization
}

# The API is unknown: "$default" may belong to a WebSocket API.
resource "aws_apigatewayv2_route" "default" {
  api_id    = var.api_id
  route_key = "$default"
}

resource "aws_apigatewayv2_route" "items" {
  api_id             = "a1b2c3"
  route_key          = "GET /items"
  authorization_type = var.route_auth
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/12345678-1234-1234-1234-123456789012"
  security_policy          = var.tls
}
