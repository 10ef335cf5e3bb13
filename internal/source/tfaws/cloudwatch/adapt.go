package cloudwatch

import (
	"github.com/vigil-sec/vigil/internal/model/aws/cloudwatch"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the CloudWatch state from evaluated resources.
func Adapt(set *tfres.Set) cloudwatch.State {
	return cloudwatch.State{}
}
