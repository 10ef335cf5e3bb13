package eks

// State holds the EKS resources of an estate.
type State struct{}
