package apigateway

import (
	"github.com/vigil-sec/vigil/internal/model/aws/apigateway"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the APIGateway state from evaluated resources.
func Adapt(set *tfres.Set) apigateway.State {
	return apigateway.State{}
}
