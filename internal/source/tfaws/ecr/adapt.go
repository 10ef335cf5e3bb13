package ecr

import (
	"github.com/vigil-sec/vigil/internal/model/aws/ecr"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the ECR state from evaluated resources.
func Adapt(set *tfres.Set) ecr.State {
	return ecr.State{}
}
