// Package ec2 is the typed model of AWS EC2 resources. It imports model and
// sibling model/aws packages only.
package ec2
