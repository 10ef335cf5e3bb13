// Package elb is the typed model of AWS Elastic Load Balancing: application,
// network and gateway load balancers (ELBv2) with their listeners, and
// classic load balancers.
//
// Fields that point at other resources (subnets, security groups) hold the
// referenced resource's model ID when it is declared in the same source, and
// its AWS ID otherwise.
// It imports the standard library, model and sibling model/aws packages only.
package elb
