package secretsmanager

// State holds the SecretsManager resources of an estate.
type State struct{}
