package cloudtrail

import (
	"github.com/vigil-sec/vigil/internal/model/aws/cloudtrail"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the CloudTrail state from evaluated resources.
func Adapt(set *tfres.Set) cloudtrail.State {
	return cloudtrail.State{}
}
