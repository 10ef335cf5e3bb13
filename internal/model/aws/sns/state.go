package sns

// State holds the SNS resources of an estate.
type State struct{}
