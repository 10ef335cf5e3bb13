package elb

import (
	"github.com/vigil-sec/vigil/internal/model/aws/elb"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the ELB state from evaluated resources.
func Adapt(set *tfres.Set) elb.State {
	return elb.State{}
}
