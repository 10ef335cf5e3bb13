package iam

import (
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the IAM state from evaluated resources.
func Adapt(set *tfres.Set) iam.State {
	return iam.State{}
}
