// Package ecs holds the built-in checks on ECS clusters, task definitions
// and their container definitions, and services.
package ecs
