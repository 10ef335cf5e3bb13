package ssm

// State holds the SSM resources of an estate.
type State struct{}
