// Package lambda adapts Terraform AWS provider resources of Lambda to the typed
// model in model/aws/lambda.
package lambda
