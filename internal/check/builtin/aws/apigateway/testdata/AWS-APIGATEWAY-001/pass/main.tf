resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
}

resource "aws_api_gateway_deployment" "shop" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/aws/apigateway/shop"
  retention_in_days = 365
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id          = aws_api_gateway_rest_api.shop.id
  deployment_id        = aws_api_gateway_deployment.shop.id
  stage_name           = "prod"
  xray_tracing_enabled = true
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/apigateway/shop"
    format          = jsonencode({ requestId = "$context.requestId", status = "$context.status" })
  }
}

resource "aws_apigatewayv2_stage" "http" {
  api_id      = "a1b2c3"
  name        = "$default"
  auto_deploy = true
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/apigateway/http"
    format          = "$context.requestId $context.status"
  }
}
