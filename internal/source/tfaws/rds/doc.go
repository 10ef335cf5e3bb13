// Package rds adapts Terraform AWS provider resources of RDS to the typed
// model in model/aws/rds.
package rds
