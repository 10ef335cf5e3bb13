package guardduty

import (
	"github.com/vigil-sec/vigil/internal/model/aws/guardduty"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the GuardDuty state from evaluated resources.
func Adapt(set *tfres.Set) guardduty.State {
	return guardduty.State{}
}
