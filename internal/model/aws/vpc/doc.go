// Package vpc is the typed model of AWS VPC networking: VPCs, subnets,
// security groups and their rules, network ACLs, route tables, gateways, flow
// logs, endpoints and peering connections.
//
// Fields that point at other resources (a subnet's VPC, a route's gateway)
// hold the referenced resource's model ID when it is declared in the same
// source, and its AWS ID otherwise, so the network graph can join them.
// It imports the standard library, model and sibling model/aws packages only.
package vpc
