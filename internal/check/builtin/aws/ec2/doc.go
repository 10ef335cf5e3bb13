// Package ec2 holds the built-in checks on EC2 instances, launch templates
// and configurations, EBS volumes and snapshots, AMIs and the account's EBS
// encryption default.
package ec2
