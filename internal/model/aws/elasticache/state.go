package elasticache

// State holds the ElastiCache resources of an estate.
type State struct{}
