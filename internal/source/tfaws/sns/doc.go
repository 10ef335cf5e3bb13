// Package sns adapts Terraform AWS provider resources of SNS to the typed
// model in model/aws/sns.
package sns
