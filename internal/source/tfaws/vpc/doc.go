// Package vpc adapts Terraform AWS provider resources of VPC networking to
// the typed model in model/aws/vpc. It joins standalone rules, routes and
// associations into the security groups, network ACLs and route tables they
// belong to, keeping those that cannot be attributed as detached.
package vpc
