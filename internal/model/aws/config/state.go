package config

// State holds the Config resources of an estate.
type State struct{}
