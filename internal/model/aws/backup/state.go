package backup

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the AWS Backup resources of an estate.
type State struct {
	Vaults []*Vault
	Plans  []*Plan
}

// Vault is a backup vault with its lock configuration and access policy
// joined.
type Vault struct {
	model.Resource
	VaultName model.String
	// EncryptionKey's ID is "" when the AWS managed key aws/backup is used.
	EncryptionKey kms.KeyRef
	Lock          Lock
	// Policy is the vault's access policy; a known empty text when there is
	// none, unknown when a policy that could not be attributed might apply.
	Policy iam.Document
}

// Lock is AWS Backup Vault Lock, which makes recovery points immutable.
type Lock struct {
	Enabled          model.Bool
	MinRetentionDays model.Int
	MaxRetentionDays model.Int
	// ChangeableForDays is the grace period before a compliance-mode lock
	// becomes permanent; 0 (unset) is governance mode.
	ChangeableForDays model.Int
}

// Plan is a backup plan.
type Plan struct {
	model.Resource
	PlanName model.String
	Rules    []*Rule
	// RulesKnown reports whether Rules is complete.
	RulesKnown bool
}

// Rule is one rule of a backup plan.
type Rule struct {
	// Origin is the rule block's range.
	Origin      model.Origin
	RuleName    model.String
	TargetVault model.String
	Schedule    model.String
	// DeleteAfterDays is how long recovery points are kept; 0 keeps them
	// forever.
	DeleteAfterDays      model.Int
	ColdStorageAfterDays model.Int
	ContinuousBackup     model.Bool
	CopyActions          []CopyAction
	// CopyActionsKnown reports whether CopyActions is complete.
	CopyActionsKnown bool
}

// CopyAction copies recovery points to another vault, usually in another
// region or account.
type CopyAction struct {
	DestinationVaultARN model.String
	DeleteAfterDays     model.Int
}
