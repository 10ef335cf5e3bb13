package ecr

// State holds the ECR resources of an estate.
type State struct{}
