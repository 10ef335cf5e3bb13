package kms

import (
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the KMS state from evaluated resources.
func Adapt(set *tfres.Set) kms.State {
	return kms.State{}
}
