// Package redshift adapts Terraform AWS provider resources of Redshift to the typed
// model in model/aws/redshift.
package redshift
