// Package dynamodb adapts Terraform AWS provider resources of DynamoDB to the typed
// model in model/aws/dynamodb.
package dynamodb
