package redshift

// State holds the Redshift resources of an estate.
type State struct{}
