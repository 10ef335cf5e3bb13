package ec2

// State holds the EC2 resources of an estate.
type State struct{}
