package securityhub

// State holds the SecurityHub resources of an estate.
type State struct{}
