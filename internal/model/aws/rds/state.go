package rds

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the RDS resources of an estate.
type State struct {
	Instances       []*Instance
	Clusters        []*Cluster
	Snapshots       []*Snapshot
	ParameterGroups []*ParameterGroup
}

// Instance is a DB instance: a standalone database, a read replica, or a
// member of a cluster (Aurora, say), whose storage, backups and protection
// the cluster governs; those settings are unknown on a member.
type Instance struct {
	model.Resource
	Identifier    model.String
	Engine        model.String
	EngineVersion model.String
	InstanceClass model.String
	// ClusterMember reports a member of a DB cluster, which governs its
	// storage, backups and protection.
	ClusterMember bool
	ClusterID     model.String
	// ReadReplica reports whether the instance replicates another one, whose
	// encryption and engine it inherits.
	ReadReplica       model.Bool
	ReplicationSource model.String
	// StorageEncryption is unknown when the instance inherits it (a replica,
	// a restore from a snapshot).
	StorageEncryption   Encryption
	PubliclyAccessible  model.Bool
	BackupRetentionDays model.Int
	IAMAuthentication   model.Bool
	DeletionProtection  model.Bool
	MultiAZ             model.Bool
	AutoMinorUpgrade    model.Bool
	PerformanceInsights PerformanceInsights
	// LogExports lists the log types published to CloudWatch Logs.
	LogExports         model.List[string]
	MonitoringInterval model.Int
	CopyTagsToSnapshot model.Bool
	// CACertificate is the identifier of the CA that signed the server
	// certificate, e.g. "rds-ca-rsa2048-g1".
	CACertificate      model.String
	ParameterGroupName model.String
	// ParameterGroup is the DB parameter group when it is declared in the same
	// estate; nil when it is a default group or could not be resolved.
	ParameterGroup *ParameterGroup
}

// IsStandalone reports whether the instance is known to be neither a cluster
// member nor a read replica.
func (i *Instance) IsStandalone() bool { return !i.ClusterMember && i.ReadReplica.Is(false) }

// Cluster is a DB cluster: Aurora (provisioned or serverless) or a Multi-AZ
// DB cluster.
type Cluster struct {
	model.Resource
	Identifier    model.String
	Engine        model.String
	EngineMode    model.String
	EngineVersion model.String
	// StorageEncryption is unknown when the cluster inherits it (a replica
	// of another cluster, a secondary of a global cluster, a restore).
	StorageEncryption   Encryption
	BackupRetentionDays model.Int
	IAMAuthentication   model.Bool
	DeletionProtection  model.Bool
	AutoMinorUpgrade    model.Bool
	PerformanceInsights PerformanceInsights
	LogExports          model.List[string]
	CopyTagsToSnapshot  model.Bool
	ParameterGroupName  model.String
	// ParameterGroup is the DB cluster parameter group when it is declared in
	// the same estate; nil otherwise.
	ParameterGroup *ParameterGroup
}

// Encryption is storage encryption at rest.
type Encryption struct {
	Enabled model.Bool
	// Key is the key encrypting the storage; its ID is "" for the AWS
	// managed key aws/rds.
	Key kms.KeyRef
}

// PerformanceInsights is the Performance Insights configuration.
type PerformanceInsights struct {
	Enabled model.Bool
	// Key is the key encrypting the data; its ID is "" for the AWS managed
	// key aws/rds.
	Key kms.KeyRef
}

// Snapshot is a manual DB snapshot or DB cluster snapshot.
type Snapshot struct {
	model.Resource
	Identifier model.String
	// Cluster reports a DB cluster snapshot.
	Cluster bool
	// SharedAccounts lists the account IDs the snapshot is shared with; "all"
	// makes it public.
	SharedAccounts model.List[string]
}

// ParameterGroup is a DB parameter group or DB cluster parameter group.
type ParameterGroup struct {
	model.Resource
	GroupName model.String
	// Family is the engine family, e.g. "postgres16" or "aurora-mysql8.0".
	Family model.String
	// Cluster reports a DB cluster parameter group.
	Cluster bool
	// Parameters holds the parameters set in the group by lower-case name, as
	// RDS matches names case-insensitively. Parameters not set keep the
	// family's defaults.
	Parameters model.Map[string]
}

// Parameter returns the parameter's value and whether the group sets it.
func (g *ParameterGroup) Parameter(name string) (model.String, bool) {
	return g.Parameters.Lookup(strings.ToLower(name))
}
