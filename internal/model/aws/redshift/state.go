package redshift

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the Redshift resources of an estate.
type State struct {
	Clusters        []*Cluster
	ParameterGroups []*ParameterGroup
	Namespaces      []*Namespace
	Workgroups      []*Workgroup
}

// Cluster is a provisioned Redshift cluster.
type Cluster struct {
	model.Resource
	Identifier         model.String
	NodeType           model.String
	Encryption         Encryption
	PubliclyAccessible model.Bool
	Logging            Logging
	EnhancedVPCRouting model.Bool
	// SubnetGroupName is "" for a cluster launched outside a VPC
	// (EC2-Classic).
	SubnetGroupName model.String
	// SnapshotRetentionDays is 0 when automated snapshots are disabled.
	SnapshotRetentionDays model.Int
	ParameterGroupName    model.String
	// ParameterGroup is the cluster parameter group when it is declared in the
	// same estate; nil when it is a default group or could not be resolved.
	ParameterGroup *ParameterGroup
}

// Encryption is encryption at rest.
type Encryption struct {
	Enabled model.Bool
	// Key's ID is "" when Redshift uses a key AWS manages.
	Key kms.KeyRef
}

// Logging is audit logging (connection, user and user-activity logs).
type Logging struct {
	Enabled model.Bool
	// Destination is "s3" or "cloudwatch".
	Destination model.String
	BucketName  model.String
}

// ParameterGroup is a cluster parameter group.
type ParameterGroup struct {
	model.Resource
	GroupName model.String
	Family    model.String
	// Parameters holds the parameters set in the group by lower-case name.
	// Parameters not set keep the family's defaults.
	Parameters model.Map[string]
}

// Parameter returns the parameter's value and whether the group sets it.
func (g *ParameterGroup) Parameter(name string) (model.String, bool) {
	return g.Parameters.Lookup(strings.ToLower(name))
}

// Namespace is a Redshift Serverless namespace: the databases and their
// storage.
type Namespace struct {
	model.Resource
	NamespaceName model.String
	// EncryptionKey's ID is "" when the namespace is encrypted with a key
	// AWS owns.
	EncryptionKey kms.KeyRef
	// LogExports lists the audit logs exported to CloudWatch Logs.
	LogExports model.List[string]
}

// Workgroup is a Redshift Serverless workgroup: the compute and endpoint of a
// namespace.
type Workgroup struct {
	model.Resource
	WorkgroupName      model.String
	NamespaceName      model.String
	PubliclyAccessible model.Bool
	EnhancedVPCRouting model.Bool
	// RequireSSL is the workgroup's require_ssl configuration parameter.
	RequireSSL model.Bool
}
