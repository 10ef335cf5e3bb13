package redshift

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/redshift"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var (
	clusterTypes        = []string{"aws_redshift_cluster"}
	parameterGroupTypes = []string{"aws_redshift_parameter_group"}
)

// Adapt builds the Redshift state from evaluated resources.
func Adapt(set *tfres.Set) redshift.State {
	var st redshift.State
	groups := map[string]*redshift.ParameterGroup{}
	for _, r := range set.OfType("aws_redshift_parameter_group") {
		g := adaptParameterGroup(r)
		groups[r.Address] = g
		st.ParameterGroups = append(st.ParameterGroups, g)
	}
	logging := set.Attach("aws_redshift_logging", "cluster_identifier", clusterTypes, "cluster_identifier")
	for _, r := range set.OfType("aws_redshift_cluster") {
		c := adaptCluster(set, r)
		c.Logging = adaptLogging(r, logging)
		if g, link := set.Resolve(r.Body, "cluster_parameter_group_name", parameterGroupTypes, "name"); link == tfres.Linked {
			c.ParameterGroup = groups[g.Address]
		}
		st.Clusters = append(st.Clusters, c)
	}
	for _, r := range set.OfType("aws_redshiftserverless_namespace") {
		b := r.Body
		name := b.String("namespace_name", "")
		st.Namespaces = append(st.Namespaces, &redshift.Namespace{
			Resource:      r.Identity(name.Val()),
			NamespaceName: name,
			EncryptionKey: kmsadapt.KeyRef(set, b, "kms_key_id"),
			LogExports:    b.StringList("log_exports"),
		})
	}
	for _, r := range set.OfType("aws_redshiftserverless_workgroup") {
		st.Workgroups = append(st.Workgroups, adaptWorkgroup(r))
	}
	return st
}

func adaptCluster(set *tfres.Set, r *tfres.Resource) *redshift.Cluster {
	b := r.Body
	id := b.String("cluster_identifier", "")
	c := &redshift.Cluster{
		Resource: r.Identity(id.Val()),
		// New clusters are encrypted unless told otherwise: Redshift's own
		// default since January 2025, and the provider's since v6.
		Encryption: redshift.Encryption{
			Enabled: b.Bool("encrypted", true),
			Key:     kmsadapt.KeyRef(set, b, "kms_key_id"),
		},
		Identifier:            id,
		NodeType:              b.String("node_type", ""),
		PubliclyAccessible:    b.Bool("publicly_accessible", false),
		EnhancedVPCRouting:    b.Bool("enhanced_vpc_routing", false),
		SubnetGroupName:       b.String("cluster_subnet_group_name", ""),
		SnapshotRetentionDays: b.Int("automated_snapshot_retention_period", 1),
		ParameterGroupName:    b.String("cluster_parameter_group_name", ""),
	}
	if !b.Has("publicly_accessible") {
		// Provider v5 defaults to a public cluster, v6 to a private one: the
		// configuration alone does not say which.
		c.PubliclyAccessible = model.Unresolved[bool](b.Origin)
	}
	return c
}

// adaptLogging reads audit logging from an aws_redshift_logging companion
// (provider v5.x+, the only form in v6) or the deprecated inline block.
func adaptLogging(r *tfres.Resource, comps tfres.Companions) redshift.Logging {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		return redshift.Logging{
			Enabled:     model.Set(true, c.Body.Origin),
			Destination: c.Body.String("log_destination_type", "s3"),
			BucketName:  c.Body.String("bucket_name", ""),
		}
	case !certain:
		o := r.Body.Origin
		return redshift.Logging{Enabled: model.Unresolved[bool](o), Destination: model.Unresolved[string](o), BucketName: model.Unresolved[string](o)}
	}
	inline := r.Body.Block("logging")
	return redshift.Logging{
		Enabled:     inline.Bool("enable", false),
		Destination: inline.String("log_destination_type", "s3"),
		BucketName:  inline.String("bucket_name", ""),
	}
}

func adaptWorkgroup(r *tfres.Resource) *redshift.Workgroup {
	b := r.Body
	name := b.String("workgroup_name", "")
	w := &redshift.Workgroup{
		Resource:           r.Identity(name.Val()),
		WorkgroupName:      name,
		NamespaceName:      b.String("namespace_name", ""),
		PubliclyAccessible: b.Bool("publicly_accessible", false),
		EnhancedVPCRouting: b.Bool("enhanced_vpc_routing", false),
	}
	// require_ssl is only judged when the workgroup sets it.
	if !b.BlocksKnown("config_parameter") {
		return w
	}
	for _, p := range b.Blocks("config_parameter") {
		key := p.String("parameter_key", "")
		if !key.Known() {
			w.RequireSSL = model.Unresolved[bool](p.Origin)
			continue
		}
		if key.Val() == "require_ssl" {
			w.RequireSSL = parseBool(p.String("parameter_value", ""))
		}
	}
	return w
}

func adaptParameterGroup(r *tfres.Resource) *redshift.ParameterGroup {
	b := r.Body
	name := b.String("name", "")
	params := model.Map[string]{Entries: map[string]model.String{}, Meta: model.Meta{Origin: b.Origin, Certainty: model.Explicit}}
	if !b.BlocksKnown("parameter") {
		params.Certainty = model.Unknown
	}
	for _, p := range b.Blocks("parameter") {
		n := p.String("name", "")
		if !n.Known() {
			params.Certainty = model.Unknown
			continue
		}
		params.Entries[strings.ToLower(n.Val())] = p.String("value", "")
	}
	return &redshift.ParameterGroup{
		Resource:   r.Identity(name.Val()),
		GroupName:  name,
		Family:     b.String("family", ""),
		Parameters: params,
	}
}

// parseBool reads a Redshift boolean parameter ("true"/"false", any case);
// anything else is unknown.
func parseBool(s model.String) model.Bool {
	var b bool
	switch strings.ToLower(strings.TrimSpace(s.Val())) {
	case "true", "on", "1":
		b = true
	case "false", "off", "0":
	default:
		return model.Unresolved[bool](s.Origin)
	}
	return model.Derive(s, func(string) bool { return b })
}
