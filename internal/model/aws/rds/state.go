package rds

// State holds the RDS resources of an estate.
type State struct{}
