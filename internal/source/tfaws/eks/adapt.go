package eks

import (
	"github.com/vigil-sec/vigil/internal/model/aws/eks"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the EKS state from evaluated resources.
func Adapt(set *tfres.Set) eks.State {
	return eks.State{}
}
