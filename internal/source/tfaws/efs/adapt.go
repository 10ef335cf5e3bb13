package efs

import (
	"github.com/vigil-sec/vigil/internal/model/aws/efs"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the EFS state from evaluated resources.
func Adapt(set *tfres.Set) efs.State {
	return efs.State{}
}
