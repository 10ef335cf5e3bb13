package efs

// State holds the EFS resources of an estate.
type State struct{}
