// Package ec2 adapts Terraform AWS provider resources of EC2 to the typed
// model in model/aws/ec2.
package ec2
