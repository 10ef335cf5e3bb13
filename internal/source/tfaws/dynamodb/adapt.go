package dynamodb

import (
	"github.com/vigil-sec/vigil/internal/model/aws/dynamodb"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the DynamoDB state from evaluated resources.
func Adapt(set *tfres.Set) dynamodb.State {
	return dynamodb.State{}
}
