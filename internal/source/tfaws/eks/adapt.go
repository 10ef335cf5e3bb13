package eks

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/eks"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the EKS state from evaluated resources.
func Adapt(set *tfres.Set) eks.State {
	var st eks.State
	for _, r := range set.OfType("aws_eks_cluster") {
		st.Clusters = append(st.Clusters, adaptCluster(set, r))
	}
	for _, r := range set.OfType("aws_eks_node_group") {
		st.NodeGroups = append(st.NodeGroups, adaptNodeGroup(r))
	}
	for _, r := range set.OfType("aws_eks_addon") {
		b := r.Body
		name := b.String("addon_name", "")
		st.Addons = append(st.Addons, &eks.Addon{
			Resource:     r.Identity(name.Val()),
			ClusterName:  b.String("cluster_name", ""),
			AddonName:    name,
			AddonVersion: b.String("addon_version", ""),
		})
	}
	return st
}

func adaptCluster(set *tfres.Set, r *tfres.Resource) *eks.Cluster {
	b := r.Body
	name := b.String("name", "")
	vpc := b.Block("vpc_config")
	c := &eks.Cluster{
		Resource:    r.Identity(name.Val()),
		ClusterName: name,
		Version:     b.String("version", ""),
		RoleARN:     b.String("role_arn", ""),
		Endpoint: eks.Endpoint{
			PublicAccess:      vpc.Bool("endpoint_public_access", true),
			PrivateAccess:     vpc.Bool("endpoint_private_access", false),
			PublicAccessCIDRs: publicAccessCIDRs(vpc),
		},
		SecretsEncryption:  adaptSecretsEncryption(set, b),
		LogTypes:           b.StringList("enabled_cluster_log_types"),
		AuthenticationMode: b.Block("access_config").String("authentication_mode", "CONFIG_MAP"),
	}
	if !b.Has("version") {
		// Without a version AWS creates the cluster with its default
		// version at apply time: nothing to judge.
		c.Version = model.Unresolved[string](b.Origin)
	}
	return c
}

// publicAccessCIDRs returns the CIDRs allowed to reach the public endpoint;
// AWS allows 0.0.0.0/0 when none are given.
func publicAccessCIDRs(vpc *tfres.Block) model.List[string] {
	l := vpc.StringList("public_access_cidrs")
	if l.Certainty == model.Defaulted || l.IsEmpty() {
		return model.List[string]{
			Items: []model.Value[string]{model.Default("0.0.0.0/0", l.Origin)},
			Meta:  model.Meta{Origin: l.Origin, Certainty: model.Defaulted},
		}
	}
	return l
}

// adaptSecretsEncryption reads the encryption_config block: secrets are
// envelope-encrypted when "secrets" is among its resources and a key is set.
func adaptSecretsEncryption(set *tfres.Set, b *tfres.Block) eks.SecretsEncryption {
	ec := b.Block("encryption_config")
	if !ec.Present() {
		return eks.SecretsEncryption{
			Enabled: model.Default(false, b.Origin),
			Key:     kms.KeyRef{ID: model.Default("", b.Origin), CustomerManaged: model.Default(false, b.Origin)},
		}
	}
	key := kmsadapt.KeyRef(set, ec.Block("provider"), "key_arn")
	res := ec.StringList("resources")
	enabled := model.Unresolved[bool](res.Origin)
	switch {
	case res.Contains("secrets"):
		enabled = model.Set(true, res.Origin)
	case res.Complete():
		enabled = model.Set(false, res.Origin)
	}
	if ec.Unknown() {
		enabled = model.Unresolved[bool](ec.Origin)
	}
	return eks.SecretsEncryption{Enabled: enabled, Key: key}
}

func adaptNodeGroup(r *tfres.Resource) *eks.NodeGroup {
	b := r.Body
	name := b.String("node_group_name", "")
	ng := &eks.NodeGroup{
		Resource:          r.Identity(name.Val()),
		NodeGroupName:     name,
		ClusterName:       b.String("cluster_name", ""),
		RemoteAccessKnown: b.BlocksKnown("remote_access"),
	}
	if ra := b.Blocks("remote_access"); len(ra) > 0 {
		blk := ra[0]
		ng.RemoteAccess = &eks.RemoteAccess{
			EC2SSHKey:              blk.String("ec2_ssh_key", ""),
			SourceSecurityGroupIDs: blk.StringList("source_security_group_ids"),
			Meta:                   model.Meta{Origin: blk.Origin, Certainty: model.Explicit},
		}
	}
	return ng
}
