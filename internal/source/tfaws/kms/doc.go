// Package kms adapts Terraform AWS provider resources of KMS to the typed
// model in model/aws/kms.
package kms
