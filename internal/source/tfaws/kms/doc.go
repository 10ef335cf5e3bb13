// Package kms adapts Terraform AWS provider resources of KMS to the typed
// model in model/aws/kms.
//
// It also owns KeyRef, which every adapter of a KMS-encrypted resource uses
// to tell a customer managed key from the service's AWS managed key, even
// when the key's ARN is only known at apply time.
package kms
