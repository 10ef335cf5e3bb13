package sqs

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the SQS resources of an estate.
type State struct {
	Queues []*Queue
}

// Queue is an SQS queue with its encryption, access policy and dead-letter
// queue.
type Queue struct {
	model.Resource
	QueueName model.String
	FIFO      model.Bool
	// SQSManagedSSE reports whether messages are encrypted with SQS-owned
	// keys (SSE-SQS).
	SQSManagedSSE model.Bool
	// EncryptionKey is the KMS key that encrypts messages (SSE-KMS); its ID
	// is "" when none is set.
	EncryptionKey kms.KeyRef
	// Policy is the queue's access policy; its text is a defaulted "" when
	// none is set (only the owner's account has access).
	Policy iam.Document
	// DeadLetterTargetARN is the ARN of the queue failed messages are moved
	// to; "" when there is none.
	DeadLetterTargetARN model.String
}
