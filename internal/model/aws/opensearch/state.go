package opensearch

// State holds the OpenSearch resources of an estate.
type State struct{}
