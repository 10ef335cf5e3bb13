package kms

// State holds the KMS resources of an estate.
type State struct{}
