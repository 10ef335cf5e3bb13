// Package elb adapts Terraform AWS provider resources of Elastic Load
// Balancing (aws_lb, aws_alb, their listeners, and classic aws_elb) to the
// typed model in model/aws/elb.
package elb
