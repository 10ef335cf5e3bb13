resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
}

resource "aws_api_gateway_deployment" "shop" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id          = aws_api_gateway_rest_api.shop.id
  deployment_id        = aws_api_gateway_deployment.shop.id
  stage_name           = "prod"
  xray_tracing_enabled = true
}

# HTTP APIs do not support X-Ray: not judged.
resource "aws_apigatewayv2_stage" "http" {
  api_id = "a1b2c3"
  name   = "$default"
}
