package vpc

// State holds the VPC resources of an estate.
type State struct{}
