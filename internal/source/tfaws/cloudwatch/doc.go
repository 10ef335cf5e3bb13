// Package cloudwatch adapts Terraform AWS provider resources of CloudWatch to the typed
// model in model/aws/cloudwatch.
package cloudwatch
