package cloudwatch

// State holds the CloudWatch resources of an estate.
type State struct{}
