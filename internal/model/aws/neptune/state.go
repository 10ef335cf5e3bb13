package neptune

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the Neptune resources of an estate.
type State struct {
	Clusters  []*Cluster
	Instances []*Instance
}

// Cluster is a Neptune DB cluster: the storage volume and the settings its
// instances share.
type Cluster struct {
	model.Resource
	Identifier    model.String
	EngineVersion model.String
	Port          model.Int
	Encryption    Encryption
	// LogExports lists the logs published to CloudWatch Logs ("audit",
	// "slowquery").
	LogExports model.List[string]
	// BackupRetentionDays is how long automated backups are kept (1 to 35).
	BackupRetentionDays model.Int
	// IAMAuth is IAM database authentication; without it Neptune accepts
	// every connection that reaches it.
	IAMAuth            model.Bool
	DeletionProtection model.Bool
}

// Encryption is encryption at rest of the cluster storage, its backups and
// snapshots.
type Encryption struct {
	Enabled model.Bool
	// Key's ID is "" when the cluster uses the AWS managed key aws/rds.
	Key kms.KeyRef
}

// Instance is a Neptune DB instance of a cluster.
type Instance struct {
	model.Resource
	Identifier model.String
	// ClusterID is the cluster's model ID when the estate declares it, or the
	// cluster identifier as written.
	ClusterID          model.String
	InstanceClass      model.String
	PubliclyAccessible model.Bool
	AutoMinorUpgrade   model.Bool
}
