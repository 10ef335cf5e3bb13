package rds

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
	"github.com/vigil-sec/vigil/internal/model/aws/rds"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var (
	dbParameterGroupTypes      = []string{"aws_db_parameter_group"}
	clusterParameterGroupTypes = []string{"aws_rds_cluster_parameter_group"}
)

// Adapt builds the RDS state from evaluated resources.
func Adapt(set *tfres.Set) rds.State {
	var st rds.State
	groups := map[string]*rds.ParameterGroup{}
	for _, typ := range []string{"aws_db_parameter_group", "aws_rds_cluster_parameter_group"} {
		for _, r := range set.OfType(typ) {
			g := adaptParameterGroup(r)
			groups[r.Address] = g
			st.ParameterGroups = append(st.ParameterGroups, g)
		}
	}
	linkGroup := func(b *tfres.Block, attr string, types []string) *rds.ParameterGroup {
		if r, link := set.Resolve(b, attr, types, "name"); link == tfres.Linked {
			return groups[r.Address]
		}
		return nil
	}
	for _, r := range set.OfType("aws_db_instance") {
		i := adaptInstance(set, r)
		i.ParameterGroupName = r.Body.String("parameter_group_name", "")
		i.ParameterGroup = linkGroup(r.Body, "parameter_group_name", dbParameterGroupTypes)
		st.Instances = append(st.Instances, i)
	}
	for _, r := range set.OfType("aws_rds_cluster_instance") {
		i := adaptClusterInstance(set, r)
		i.ParameterGroupName = r.Body.String("db_parameter_group_name", "")
		i.ParameterGroup = linkGroup(r.Body, "db_parameter_group_name", dbParameterGroupTypes)
		st.Instances = append(st.Instances, i)
	}
	for _, r := range set.OfType("aws_rds_cluster") {
		c := adaptCluster(set, r)
		c.ParameterGroupName = r.Body.String("db_cluster_parameter_group_name", "")
		c.ParameterGroup = linkGroup(r.Body, "db_cluster_parameter_group_name", clusterParameterGroupTypes)
		st.Clusters = append(st.Clusters, c)
	}
	st.Snapshots = adaptSnapshots(set)
	return st
}

func adaptInstance(set *tfres.Set, r *tfres.Resource) *rds.Instance {
	b := r.Body
	id := b.String("identifier", "")
	replica := names(b, "replicate_source_db")
	i := &rds.Instance{
		Resource:            r.Identity(id.Val()),
		Identifier:          id,
		Engine:              b.String("engine", ""),
		EngineVersion:       b.String("engine_version", ""),
		InstanceClass:       b.String("instance_class", ""),
		ClusterID:           model.Default("", b.Origin),
		ReadReplica:         replica,
		ReplicationSource:   b.String("replicate_source_db", ""),
		PubliclyAccessible:  b.Bool("publicly_accessible", false),
		IAMAuthentication:   b.Bool("iam_database_authentication_enabled", false),
		DeletionProtection:  b.Bool("deletion_protection", false),
		MultiAZ:             b.Bool("multi_az", false),
		AutoMinorUpgrade:    b.Bool("auto_minor_version_upgrade", true),
		PerformanceInsights: adaptPerformanceInsights(set, b),
		LogExports:          b.StringList("enabled_cloudwatch_logs_exports"),
		MonitoringInterval:  b.Int("monitoring_interval", 0),
		CopyTagsToSnapshot:  b.Bool("copy_tags_to_snapshot", false),
		// "" stands for the CA AWS assigns to new instances.
		CACertificate: b.String("ca_cert_identifier", ""),
	}
	// A replica or a restore inherits its storage encryption and engine from
	// the source, unless the configuration says otherwise.
	inherits := !replica.Is(false) || !names(b, "snapshot_identifier").Is(false) || hasBlock(b, "restore_to_point_in_time")
	i.StorageEncryption = adaptEncryption(set, b, inherits)
	if inherits && !b.Has("engine") {
		i.Engine = model.Unresolved[string](b.Origin)
	}
	if !replica.Is(false) {
		// Backups of a replica are optional: the source holds the data.
		i.BackupRetentionDays = b.Int("backup_retention_period", 0)
		if !b.Has("backup_retention_period") {
			i.BackupRetentionDays = model.Unresolved[int](b.Origin)
		}
	} else {
		// CreateDBInstance keeps automated backups for one day by default.
		i.BackupRetentionDays = b.Int("backup_retention_period", 1)
	}
	return i
}

// adaptClusterInstance reads an Aurora (or Multi-AZ cluster) member. Storage,
// backups, IAM authentication and deletion protection are the cluster's and
// stay unknown here.
func adaptClusterInstance(set *tfres.Set, r *tfres.Resource) *rds.Instance {
	b := r.Body
	id := b.String("identifier", "")
	return &rds.Instance{
		Resource:            r.Identity(id.Val()),
		Identifier:          id,
		Engine:              b.String("engine", ""),
		EngineVersion:       b.String("engine_version", ""),
		InstanceClass:       b.String("instance_class", ""),
		ClusterMember:       true,
		ClusterID:           b.String("cluster_identifier", ""),
		ReadReplica:         model.Default(false, b.Origin),
		ReplicationSource:   model.Default("", b.Origin),
		PubliclyAccessible:  b.Bool("publicly_accessible", false),
		AutoMinorUpgrade:    b.Bool("auto_minor_version_upgrade", true),
		PerformanceInsights: adaptPerformanceInsights(set, b),
		MonitoringInterval:  b.Int("monitoring_interval", 0),
		CopyTagsToSnapshot:  b.Bool("copy_tags_to_snapshot", false),
		CACertificate:       b.String("ca_cert_identifier", ""),
	}
}

func adaptCluster(set *tfres.Set, r *tfres.Resource) *rds.Cluster {
	b := r.Body
	id := b.String("cluster_identifier", "")
	mode := b.String("engine_mode", "provisioned")
	c := &rds.Cluster{
		Resource:            r.Identity(id.Val()),
		Identifier:          id,
		Engine:              b.String("engine", ""),
		EngineMode:          mode,
		EngineVersion:       b.String("engine_version", ""),
		BackupRetentionDays: b.Int("backup_retention_period", 1),
		IAMAuthentication:   b.Bool("iam_database_authentication_enabled", false),
		DeletionProtection:  b.Bool("deletion_protection", false),
		PerformanceInsights: adaptPerformanceInsights(set, b),
		LogExports:          b.StringList("enabled_cloudwatch_logs_exports"),
		CopyTagsToSnapshot:  b.Bool("copy_tags_to_snapshot", false),
	}
	// Aurora sets minor-version upgrades on its instances; the cluster-level
	// attribute only exists for Multi-AZ DB clusters, so judge it only when set.
	if b.Has("auto_minor_version_upgrade") {
		c.AutoMinorUpgrade = b.Bool("auto_minor_version_upgrade", true)
	}
	inherits := !names(b, "replication_source_identifier").Is(false) || !names(b, "global_cluster_identifier").Is(false) ||
		!names(b, "snapshot_identifier").Is(false) || hasBlock(b, "restore_to_point_in_time") || hasBlock(b, "s3_import")
	c.StorageEncryption = adaptEncryption(set, b, inherits)
	if !b.Has("storage_encrypted") && !inherits {
		// Aurora Serverless v1 storage is always encrypted.
		switch {
		case mode.Is("serverless"):
			c.StorageEncryption.Enabled = model.Default(true, b.Origin)
		case !mode.Known():
			c.StorageEncryption.Enabled = model.Unresolved[bool](mode.Origin)
		}
	}
	return c
}

// adaptEncryption reads storage_encrypted and kms_key_id. An absent
// storage_encrypted is false, unless the storage is inherited or a KMS key is
// given (which RDS only accepts for encrypted storage). An absent kms_key_id
// on inherited storage is the source's key, not the AWS managed one.
func adaptEncryption(set *tfres.Set, b *tfres.Block, inherits bool) rds.Encryption {
	e := rds.Encryption{Enabled: b.Bool("storage_encrypted", false), Key: kmsadapt.KeyRef(set, b, "kms_key_id")}
	if !b.Has("storage_encrypted") && (inherits || b.Has("kms_key_id")) {
		e.Enabled = model.Unresolved[bool](b.Origin)
	}
	if inherits && !b.Has("kms_key_id") {
		e.Key = kms.KeyRef{ID: model.Unresolved[string](b.Origin), CustomerManaged: model.Unresolved[bool](b.Origin)}
	}
	return e
}

func adaptPerformanceInsights(set *tfres.Set, b *tfres.Block) rds.PerformanceInsights {
	return rds.PerformanceInsights{
		Enabled: b.Bool("performance_insights_enabled", false),
		Key:     kmsadapt.KeyRef(set, b, "performance_insights_kms_key_id"),
	}
}

func adaptSnapshots(set *tfres.Set) []*rds.Snapshot {
	var out []*rds.Snapshot
	for _, s := range []struct {
		typ, idAttr string
		cluster     bool
	}{
		{"aws_db_snapshot", "db_snapshot_identifier", false},
		{"aws_db_snapshot_copy", "target_db_snapshot_identifier", false},
		{"aws_db_cluster_snapshot", "db_cluster_snapshot_identifier", true},
	} {
		for _, r := range set.OfType(s.typ) {
			id := r.Body.String(s.idAttr, "")
			out = append(out, &rds.Snapshot{
				Resource:       r.Identity(id.Val()),
				Identifier:     id,
				Cluster:        s.cluster,
				SharedAccounts: r.Body.StringList("shared_accounts"),
			})
		}
	}
	return out
}

func adaptParameterGroup(r *tfres.Resource) *rds.ParameterGroup {
	b := r.Body
	name := b.String("name", "")
	g := &rds.ParameterGroup{
		Resource:  r.Identity(name.Val()),
		GroupName: name,
		Family:    b.String("family", ""),
		Cluster:   r.Type == "aws_rds_cluster_parameter_group",
	}
	params := model.Map[string]{Entries: map[string]model.String{}, Meta: model.Meta{Origin: b.Origin, Certainty: model.Explicit}}
	if !b.BlocksKnown("parameter") {
		params.Certainty = model.Unknown
	}
	for _, p := range b.Blocks("parameter") {
		n := p.String("name", "")
		if !n.Known() {
			// A parameter with an unknown name could be any parameter.
			params.Certainty = model.Unknown
			continue
		}
		params.Entries[strings.ToLower(n.Val())] = p.String("value", "")
	}
	g.Parameters = params
	return g
}

// hasBlock reports whether b has (or might have) a nested block of the type.
func hasBlock(b *tfres.Block, typ string) bool {
	return len(b.Blocks(typ)) > 0 || !b.BlocksKnown(typ)
}

// names reports whether an identifier attribute (replicate_source_db,
// snapshot_identifier, ...) names something. Modules commonly pass "" for
// "none", which the provider treats as unset; an unknown value may name
// something, so it is unknown.
func names(b *tfres.Block, attr string) model.Bool {
	return model.Derive(b.String(attr, ""), func(s string) bool { return s != "" })
}
