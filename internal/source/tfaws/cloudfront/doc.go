// Package cloudfront adapts Terraform AWS provider resources of CloudFront to the typed
// model in model/aws/cloudfront.
package cloudfront
