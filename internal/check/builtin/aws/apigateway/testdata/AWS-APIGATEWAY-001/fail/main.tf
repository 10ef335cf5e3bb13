resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
}

resource "aws_api_gateway_deployment" "shop" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
}

resource "aws_api_gateway_stage" "prod" { # want: AWS-APIGATEWAY-001
  rest_api_id          = aws_api_gateway_rest_api.shop.id
  deployment_id        = aws_api_gateway_deployment.shop.id
  stage_name           = "prod"
  xray_tracing_enabled = true
}

resource "aws_apigatewayv2_api" "chat" {
  name                       = "chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_stage" "chat" { # want: AWS-APIGATEWAY-001
  api_id      = aws_apigatewayv2_api.chat.id
  name        = "live"
  auto_deploy = true
}
