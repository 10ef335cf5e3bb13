package ecs

import (
	"github.com/vigil-sec/vigil/internal/model/aws/ecs"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the ECS state from evaluated resources.
func Adapt(set *tfres.Set) ecs.State {
	return ecs.State{}
}
