// Package ssm adapts Terraform AWS provider resources of SSM to the typed
// model in model/aws/ssm.
package ssm
