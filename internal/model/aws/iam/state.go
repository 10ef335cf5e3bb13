package iam

// State holds the IAM resources of an estate.
type State struct{}
