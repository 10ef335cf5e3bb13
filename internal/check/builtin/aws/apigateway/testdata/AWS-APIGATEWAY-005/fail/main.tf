resource "aws_api_gateway_domain_name" "api" { # want: AWS-APIGATEWAY-005
  domain_name     = "api.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012"
}

resource "aws_api_gateway_domain_name" "legacy" {
  domain_name     = "legacy.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012"
  security_policy = "TLS_1_0" # want: AWS-APIGATEWAY-005
}
