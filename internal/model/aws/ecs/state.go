package ecs

// State holds the ECS resources of an estate.
type State struct{}
