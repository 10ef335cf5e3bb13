package backup

// State holds the Backup resources of an estate.
type State struct{}
