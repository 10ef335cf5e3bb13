// Package ecs is the typed model of AWS ECS resources. It imports model and
// sibling model/aws packages only.
package ecs
