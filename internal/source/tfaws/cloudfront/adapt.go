package cloudfront

import (
	"github.com/vigil-sec/vigil/internal/model/aws/cloudfront"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the CloudFront state from evaluated resources.
func Adapt(set *tfres.Set) cloudfront.State {
	return cloudfront.State{}
}
