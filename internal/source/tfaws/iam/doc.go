// Package iam adapts Terraform AWS provider resources of IAM to the typed
// model in model/aws/iam.
package iam
