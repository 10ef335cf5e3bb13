// Package securityhub adapts Terraform AWS provider resources of SecurityHub to the typed
// model in model/aws/securityhub.
package securityhub
