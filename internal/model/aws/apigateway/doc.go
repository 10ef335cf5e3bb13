// Package apigateway is the typed model of AWS APIGateway resources. It imports model and
// sibling model/aws packages only.
package apigateway
