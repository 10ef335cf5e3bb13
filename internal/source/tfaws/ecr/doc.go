// Package ecr adapts Terraform AWS provider resources of ECR to the typed
// model in model/aws/ecr.
package ecr
