package eks

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the EKS resources of an estate.
type State struct {
	Clusters   []*Cluster
	NodeGroups []*NodeGroup
	Addons     []*Addon
}

// Cluster is an EKS cluster.
type Cluster struct {
	model.Resource
	ClusterName model.String
	// Version is the Kubernetes minor version, e.g. "1.31"; unknown when
	// AWS picks the latest at creation.
	Version  model.String
	RoleARN  model.String
	Endpoint Endpoint
	// SecretsEncryption is the envelope encryption of Kubernetes secrets
	// with a KMS key.
	SecretsEncryption SecretsEncryption
	// LogTypes are the control-plane log types sent to CloudWatch Logs:
	// api, audit, authenticator, controllerManager, scheduler.
	LogTypes model.List[string]
	// AuthenticationMode is "CONFIG_MAP", "API" or "API_AND_CONFIG_MAP".
	AuthenticationMode model.String
}

// Endpoint is the Kubernetes API server endpoint's exposure.
type Endpoint struct {
	PublicAccess  model.Bool
	PrivateAccess model.Bool
	// PublicAccessCIDRs restrict the public endpoint.
	PublicAccessCIDRs model.List[string]
}

// SecretsEncryption says whether secrets are envelope-encrypted with a KMS
// key, and with which.
type SecretsEncryption struct {
	Enabled model.Bool
	// Key is the KMS key secrets are envelope-encrypted with.
	Key kms.KeyRef
}

// NodeGroup is an EKS managed node group.
type NodeGroup struct {
	model.Resource
	NodeGroupName model.String
	ClusterName   model.String
	// RemoteAccess is set when SSH access to the nodes is configured.
	RemoteAccess *RemoteAccess
	// RemoteAccessKnown is false when whether SSH access is configured could
	// not be resolved.
	RemoteAccessKnown bool
}

// RemoteAccess is a node group's SSH access.
type RemoteAccess struct {
	EC2SSHKey model.String
	// SourceSecurityGroupIDs restrict SSH; when empty, AWS opens port 22 to
	// 0.0.0.0/0.
	SourceSecurityGroupIDs model.List[string]
	model.Meta
}

// Addon is an EKS add-on.
type Addon struct {
	model.Resource
	ClusterName  model.String
	AddonName    model.String
	AddonVersion model.String
}
