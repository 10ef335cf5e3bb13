package sns

import (
	"github.com/vigil-sec/vigil/internal/model/aws/sns"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the SNS state from evaluated resources.
func Adapt(set *tfres.Set) sns.State {
	return sns.State{}
}
