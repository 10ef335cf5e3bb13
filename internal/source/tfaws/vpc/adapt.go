package vpc

import (
	"github.com/vigil-sec/vigil/internal/model/aws/vpc"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the VPC state from evaluated resources.
func Adapt(set *tfres.Set) vpc.State {
	return vpc.State{}
}
