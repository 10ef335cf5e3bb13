package elasticache

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/elasticache"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the ElastiCache state from evaluated resources.
func Adapt(set *tfres.Set) elasticache.State {
	var st elasticache.State
	for _, r := range set.OfType("aws_elasticache_replication_group") {
		st.ReplicationGroups = append(st.ReplicationGroups, adaptReplicationGroup(set, r))
	}
	for _, r := range set.OfType("aws_elasticache_cluster") {
		st.Clusters = append(st.Clusters, adaptCluster(r))
	}
	for _, r := range set.OfType("aws_elasticache_serverless_cache") {
		b := r.Body
		name := b.String("name", "")
		st.ServerlessCaches = append(st.ServerlessCaches, &elasticache.ServerlessCache{
			Resource:              r.Identity(name.Val()),
			CacheName:             name,
			Engine:                b.String("engine", ""),
			EncryptionKey:         kmsadapt.KeyRef(set, b, "kms_key_id"),
			SnapshotRetentionDays: b.Int("snapshot_retention_limit", 0),
			UserGroupID:           b.String("user_group_id", ""),
		})
	}
	return st
}

func adaptReplicationGroup(set *tfres.Set, r *tfres.Resource) *elasticache.ReplicationGroup {
	b := r.Body
	id := b.String("replication_group_id", "")
	engine := b.String("engine", "redis")
	g := &elasticache.ReplicationGroup{
		Resource:      r.Identity(id.Val()),
		GroupID:       id,
		Engine:        engine,
		EngineVersion: b.String("engine_version", ""),
		AtRestEncryption: elasticache.Encryption{
			Enabled: b.Bool("at_rest_encryption_enabled", false),
			Key:     kmsadapt.KeyRef(set, b, "kms_key_id"),
		},
		Transit: elasticache.TransitEncryption{
			Enabled: b.Bool("transit_encryption_enabled", false),
			Mode:    b.String("transit_encryption_mode", "required"),
		},
		Auth: elasticache.Auth{
			TokenSet:     isSet(b.String("auth_token", "")),
			UserGroupIDs: b.StringList("user_group_ids"),
		},
		AutomaticFailover:     b.Bool("automatic_failover_enabled", false),
		MultiAZ:               b.Bool("multi_az_enabled", false),
		SnapshotRetentionDays: b.Int("snapshot_retention_limit", 0),
	}
	// Valkey groups are encrypted at rest unless told otherwise; whether they
	// default to TLS too is not documented, so an absent setting stays unknown.
	if !engine.Is("redis") {
		if !b.Has("at_rest_encryption_enabled") {
			g.AtRestEncryption.Enabled = model.Unresolved[bool](b.Origin)
			if engine.Is("valkey") {
				g.AtRestEncryption.Enabled = model.Default(true, b.Origin)
			}
		}
		if !b.Has("transit_encryption_enabled") {
			g.Transit.Enabled = model.Unresolved[bool](b.Origin)
		}
	}
	return g
}

// adaptCluster reads a cache cluster. A member of a replication group takes
// its engine and settings from the group, so they stay unknown here.
func adaptCluster(r *tfres.Resource) *elasticache.Cluster {
	b := r.Body
	id := b.String("cluster_id", "")
	c := &elasticache.Cluster{
		Resource:           r.Identity(id.Val()),
		ClusterID:          id,
		ReplicationGroupID: b.String("replication_group_id", ""),
	}
	if b.Has("replication_group_id") {
		return c
	}
	c.Engine = b.String("engine", "")
	c.TransitEncryption = b.Bool("transit_encryption_enabled", false)
	c.AZMode = b.String("az_mode", "single-az")
	if c.Engine.IsNot("memcached") {
		c.SnapshotRetentionDays = b.Int("snapshot_retention_limit", 0)
	}
	return c
}

// isSet reports whether a secret attribute has a non-empty value, without
// keeping the value.
func isSet(s model.String) model.Bool {
	return model.Derive(s, func(v string) bool { return v != "" })
}
