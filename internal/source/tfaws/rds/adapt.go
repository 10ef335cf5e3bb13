package rds

import (
	"github.com/vigil-sec/vigil/internal/model/aws/rds"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the RDS state from evaluated resources.
func Adapt(set *tfres.Set) rds.State {
	return rds.State{}
}
