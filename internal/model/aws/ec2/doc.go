// Package ec2 is the typed model of AWS EC2 compute and block storage:
// instances, launch templates and configurations, EBS volumes, snapshots,
// AMIs, and the account-level EBS and instance metadata defaults.
//
// Network resources (VPCs, subnets, security groups) live in model/aws/vpc;
// fields here that point at them hold the referenced resource's model ID.
// It imports the standard library, model and sibling model/aws packages only.
package ec2
