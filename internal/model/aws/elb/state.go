package elb

// State holds the ELB resources of an estate.
type State struct{}
