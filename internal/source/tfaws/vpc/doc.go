// Package vpc adapts Terraform AWS provider resources of VPC to the typed
// model in model/aws/vpc.
package vpc
