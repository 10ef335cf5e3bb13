resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
}

resource "aws_api_gateway_deployment" "shop" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id           = aws_api_gateway_rest_api.shop.id
  deployment_id         = aws_api_gateway_deployment.shop.id
  stage_name            = "prod"
  cache_cluster_enabled = true
  cache_cluster_size    = "0.5"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings { # want: AWS-APIGATEWAY-003
    caching_enabled = true
    metrics_enabled = true
  }
}

resource "aws_api_gateway_method_settings" "items" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "items/GET"
  settings {
    caching_enabled      = true
    cache_data_encrypted = false # want: AWS-APIGATEWAY-003
  }
}
