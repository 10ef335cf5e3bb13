resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
}

resource "aws_api_gateway_deployment" "shop" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
}

resource "aws_api_gateway_stage" "prod" { # want: AWS-APIGATEWAY-002
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  deployment_id = aws_api_gateway_deployment.shop.id
  stage_name    = "prod"
}

resource "aws_api_gateway_stage" "dev" {
  rest_api_id          = aws_api_gateway_rest_api.shop.id
  deployment_id        = aws_api_gateway_deployment.shop.id
  stage_name           = "dev"
  xray_tracing_enabled = false # want: AWS-APIGATEWAY-002
}
