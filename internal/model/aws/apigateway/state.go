package apigateway

// State holds the APIGateway resources of an estate.
type State struct{}
