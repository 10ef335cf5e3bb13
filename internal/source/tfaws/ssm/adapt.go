package ssm

import (
	"github.com/vigil-sec/vigil/internal/model/aws/ssm"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the SSM state from evaluated resources.
func Adapt(set *tfres.Set) ssm.State {
	return ssm.State{}
}
