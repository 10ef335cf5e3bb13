package sns

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the SNS resources of an estate.
type State struct {
	Topics        []*Topic
	Subscriptions []*Subscription
}

// Topic is an SNS topic with its access policy.
type Topic struct {
	model.Resource
	TopicName model.String
	FIFO      model.Bool
	// EncryptionKey is the KMS key that encrypts messages at rest; its ID is
	// "" when the topic is not encrypted.
	EncryptionKey kms.KeyRef
	// Policy is the topic's access policy. Its text is a defaulted "" when
	// none is set: SNS then applies its default policy, which grants the
	// topic owner's account only.
	Policy iam.Document
}

// Subscription delivers a topic's messages to an endpoint.
type Subscription struct {
	model.Resource
	TopicARN model.String
	// TopicID is the model ID of the topic when it is part of the same
	// estate; otherwise the topic ARN as written (a topic outside the
	// configuration); unknown when the link cannot be resolved.
	TopicID model.String
	// Protocol is e.g. "https", "http", "sqs", "lambda", "email".
	Protocol model.String
	// Endpoint is where messages go. It may embed credentials (an HTTP URL
	// with basic authentication): never print it.
	Endpoint model.String
}
