package securityhub

import (
	"github.com/vigil-sec/vigil/internal/model/aws/securityhub"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the SecurityHub state from evaluated resources.
func Adapt(set *tfres.Set) securityhub.State {
	return securityhub.State{}
}
