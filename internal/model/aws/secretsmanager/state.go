package secretsmanager

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the Secrets Manager resources of an estate.
type State struct {
	Secrets []*Secret
	// Versions are the secret values the source stores, without the values.
	Versions []*Version
}

// Secret is a Secrets Manager secret with its rotation and resource policy.
type Secret struct {
	model.Resource
	SecretName model.String
	ARN        model.String
	// KMSKey is the key encrypting the secret; "" means the AWS managed key
	// aws/secretsmanager.
	KMSKey kms.KeyRef
	// RecoveryWindowDays is how long a deleted secret can be restored (7 to
	// 30 days; 0 deletes it at once).
	RecoveryWindowDays model.Int
	Rotation           Rotation
	// Policy is the resource policy; Absent when the secret has none.
	Policy   iam.Document
	Replicas []Replica
}

// Rotation is a secret's automatic rotation.
type Rotation struct {
	Enabled model.Bool
	// LambdaARN is the rotation function; unknown or "" for managed rotation.
	LambdaARN model.String
	// AfterDays and ScheduleExpression are the rotation schedule; one of
	// them is set.
	AfterDays          model.Int
	ScheduleExpression model.String
}

// Replica is a copy of the secret in another region.
type Replica struct {
	Region model.String
	KMSKey kms.KeyRef
}

// Version is one stored version of a secret. It never holds the secret value.
type Version struct {
	model.Resource
	SecretID model.String
	// SecretResourceID is the secret's resource ID when the source defines
	// it.
	SecretResourceID string
	// HasValue reports that the source sets the secret value (so it is also
	// in the deployment tool's records, such as Terraform state).
	HasValue      model.Bool
	VersionStages model.List[string]
}
