// Package ecs adapts Terraform AWS provider resources of ECS to the typed
// model in model/aws/ecs.
package ecs
