package ec2

import (
	"github.com/vigil-sec/vigil/internal/model/aws/ec2"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the EC2 state from evaluated resources.
func Adapt(set *tfres.Set) ec2.State {
	return ec2.State{}
}
