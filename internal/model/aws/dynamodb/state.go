package dynamodb

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the DynamoDB and DAX resources of an estate.
type State struct {
	Tables      []*Table
	DAXClusters []*DAXCluster
}

// Table is a DynamoDB table.
type Table struct {
	model.Resource
	TableName           model.String
	PointInTimeRecovery model.Bool
	Encryption          Encryption
	DeletionProtection  model.Bool
	// Replica reports a replica of a global table in another region.
	Replica bool
}

// Encryption is a table's server-side encryption. DynamoDB always encrypts
// tables: with an AWS owned key when KMS is disabled, otherwise with the KMS
// key Key names, or the AWS managed key aws/dynamodb when its ID is "".
type Encryption struct {
	KMS model.Bool
	Key kms.KeyRef
}

// DAXCluster is a DynamoDB Accelerator cluster.
type DAXCluster struct {
	model.Resource
	ClusterName model.String
	// AtRestEncryption reports server-side encryption of the cluster's nodes.
	AtRestEncryption model.Bool
	// EndpointEncryption is "NONE" or "TLS".
	EndpointEncryption model.String
}
