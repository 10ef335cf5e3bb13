package neptune

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
	"github.com/vigil-sec/vigil/internal/model/aws/neptune"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var clusterTypes = []string{"aws_neptune_cluster"}

// Adapt builds the Neptune state from evaluated resources.
func Adapt(set *tfres.Set) neptune.State {
	var st neptune.State
	for _, r := range set.OfType("aws_neptune_cluster") {
		st.Clusters = append(st.Clusters, adaptCluster(set, r))
	}
	for _, r := range set.OfType("aws_neptune_cluster_instance") {
		b := r.Body
		id := b.String("identifier", "")
		st.Instances = append(st.Instances, &neptune.Instance{
			Resource:           r.Identity(id.Val()),
			Identifier:         id,
			ClusterID:          set.LinkID(b, "cluster_identifier", clusterTypes, "cluster_identifier"),
			InstanceClass:      b.String("instance_class", ""),
			PubliclyAccessible: b.Bool("publicly_accessible", false),
			AutoMinorUpgrade:   b.Bool("auto_minor_version_upgrade", true),
		})
	}
	return st
}

func adaptCluster(set *tfres.Set, r *tfres.Resource) *neptune.Cluster {
	b := r.Body
	id := b.String("cluster_identifier", "")
	return &neptune.Cluster{
		Resource:            r.Identity(id.Val()),
		Identifier:          id,
		EngineVersion:       b.String("engine_version", ""),
		Port:                b.Int("port", 8182),
		Encryption:          adaptEncryption(set, b),
		LogExports:          b.StringList("enable_cloudwatch_logs_exports"),
		BackupRetentionDays: b.Int("backup_retention_period", 1),
		IAMAuth:             b.Bool("iam_database_authentication_enabled", false),
		DeletionProtection:  b.Bool("deletion_protection", false),
	}
}

// adaptEncryption reads storage_encrypted (default false) and kms_key_arn.
// A cluster restored from a snapshot, replicating another or joining a
// global cluster inherits its source's encryption and key, so an absent
// setting is unknown there; so is an absent storage_encrypted next to a key,
// which Neptune only accepts for encrypted storage.
func adaptEncryption(set *tfres.Set, b *tfres.Block) neptune.Encryption {
	e := neptune.Encryption{Enabled: b.Bool("storage_encrypted", false), Key: kmsadapt.KeyRef(set, b, "kms_key_arn")}
	inherits := !names(b, "snapshot_identifier").Is(false) || !names(b, "replication_source_identifier").Is(false) ||
		!names(b, "global_cluster_identifier").Is(false)
	if !b.Has("storage_encrypted") && (inherits || b.Has("kms_key_arn")) {
		e.Enabled = model.Unresolved[bool](b.Origin)
	}
	if inherits && !b.Has("kms_key_arn") {
		e.Key = kms.KeyRef{ID: model.Unresolved[string](b.Origin), CustomerManaged: model.Unresolved[bool](b.Origin)}
	}
	return e
}

// names reports whether an identifier attribute names something; modules
// commonly pass "" for "none", which the provider treats as unset.
func names(b *tfres.Block, attr string) model.Bool {
	return model.Derive(b.String(attr, ""), func(s string) bool { return s != "" })
}
