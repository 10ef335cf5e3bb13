package sqs

// State holds the SQS resources of an estate.
type State struct{}
