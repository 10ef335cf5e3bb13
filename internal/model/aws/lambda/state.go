package lambda

// State holds the Lambda resources of an estate.
type State struct{}
