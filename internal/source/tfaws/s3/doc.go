// Package s3 adapts Terraform AWS provider resources of S3 to the typed
// model in model/aws/s3.
package s3
