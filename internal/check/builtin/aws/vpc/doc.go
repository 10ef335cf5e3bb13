// Package vpc holds the built-in checks on VPC networking: security groups,
// network ACLs, flow logs, subnets and default VPCs.
package vpc
