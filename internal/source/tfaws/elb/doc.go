// Package elb adapts Terraform AWS provider resources of ELB to the typed
// model in model/aws/elb.
package elb
