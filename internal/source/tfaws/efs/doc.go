// Package efs adapts Terraform AWS provider resources of EFS to the typed
// model in model/aws/efs.
package efs
