package redshift

import (
	"github.com/vigil-sec/vigil/internal/model/aws/redshift"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the Redshift state from evaluated resources.
func Adapt(set *tfres.Set) redshift.State {
	return redshift.State{}
}
