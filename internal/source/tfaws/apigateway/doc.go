// Package apigateway adapts Terraform AWS provider resources of APIGateway to the typed
// model in model/aws/apigateway.
package apigateway
