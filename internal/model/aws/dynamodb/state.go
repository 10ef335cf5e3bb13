package dynamodb

// State holds the DynamoDB resources of an estate.
type State struct{}
