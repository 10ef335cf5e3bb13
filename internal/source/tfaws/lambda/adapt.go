package lambda

import (
	"github.com/vigil-sec/vigil/internal/model/aws/lambda"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the Lambda state from evaluated resources.
func Adapt(set *tfres.Set) lambda.State {
	return lambda.State{}
}
