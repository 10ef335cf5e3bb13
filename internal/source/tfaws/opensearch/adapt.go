package opensearch

import (
	"github.com/vigil-sec/vigil/internal/model/aws/opensearch"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the OpenSearch state from evaluated resources.
func Adapt(set *tfres.Set) opensearch.State {
	return opensearch.State{}
}
