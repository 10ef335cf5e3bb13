package sqs

import (
	"github.com/vigil-sec/vigil/internal/model/aws/sqs"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the SQS state from evaluated resources.
func Adapt(set *tfres.Set) sqs.State {
	return sqs.State{}
}
