package elasticache

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the ElastiCache resources of an estate.
type State struct {
	ReplicationGroups []*ReplicationGroup
	Clusters          []*Cluster
	ServerlessCaches  []*ServerlessCache
}

// ReplicationGroup is a Valkey or Redis OSS replication group: a primary with
// replicas, optionally sharded.
type ReplicationGroup struct {
	model.Resource
	GroupID model.String
	// Engine is "redis" or "valkey".
	Engine           model.String
	EngineVersion    model.String
	AtRestEncryption Encryption
	Transit          TransitEncryption
	Auth             Auth
	// AutomaticFailover reports whether a replica is promoted when the
	// primary fails.
	AutomaticFailover model.Bool
	MultiAZ           model.Bool
	// SnapshotRetentionDays is 0 when automatic backups are disabled.
	SnapshotRetentionDays model.Int
}

// Encryption is encryption at rest.
type Encryption struct {
	Enabled model.Bool
	// Key's ID is "" when the data is encrypted with a key AWS owns.
	Key kms.KeyRef
}

// TransitEncryption is TLS between clients and nodes.
type TransitEncryption struct {
	Enabled model.Bool
	// Mode is "required" or "preferred" (which still accepts plain-text
	// connections).
	Mode model.String
}

// Auth is how clients authenticate.
type Auth struct {
	// TokenSet reports whether an AUTH token (password) is configured. The
	// token itself is never modelled.
	TokenSet model.Bool
	// UserGroupIDs lists the RBAC user groups associated with the group.
	UserGroupIDs model.List[string]
}

// Cluster is a cache cluster: a Memcached cluster, a single-node Redis OSS
// cluster, or a member of a replication group, whose settings the group
// governs (they stay unknown on a member).
type Cluster struct {
	model.Resource
	ClusterID model.String
	// Engine is "memcached", "redis" or "valkey"; unknown for a member that
	// inherits it.
	Engine model.String
	// ReplicationGroupID names the group the cluster belongs to; "" when it
	// stands alone.
	ReplicationGroupID    model.String
	TransitEncryption     model.Bool
	SnapshotRetentionDays model.Int
	// AZMode is "single-az" or "cross-az" (Memcached).
	AZMode model.String
}

// ServerlessCache is an ElastiCache Serverless cache. It always encrypts data
// at rest and in transit.
type ServerlessCache struct {
	model.Resource
	CacheName model.String
	Engine    model.String
	// EncryptionKey's ID is "" when the data is encrypted with a key AWS
	// owns.
	EncryptionKey         kms.KeyRef
	SnapshotRetentionDays model.Int
	UserGroupID           model.String
}
