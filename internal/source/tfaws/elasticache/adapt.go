package elasticache

import (
	"github.com/vigil-sec/vigil/internal/model/aws/elasticache"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the ElastiCache state from evaluated resources.
func Adapt(set *tfres.Set) elasticache.State {
	return elasticache.State{}
}
