package kms

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// State holds the KMS resources of an estate.
type State struct {
	Keys    []*Key
	Aliases []*Alias
}

// Key is a KMS key with its policy and aliases.
type Key struct {
	model.Resource
	// KeyID and ARN are unknown in IaC: AWS assigns them.
	KeyID       model.String
	ARN         model.String
	Description model.String
	// KeyUsage is "ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC" or
	// "KEY_AGREEMENT".
	KeyUsage model.String
	// KeySpec is "SYMMETRIC_DEFAULT", "RSA_2048", "HMAC_256", ...
	KeySpec model.String
	// RotationEnabled is automatic yearly (or RotationPeriodDays) rotation of
	// the key material.
	RotationEnabled    model.Bool
	RotationPeriodDays model.Int
	// DeletionWindowDays is the waiting period before a key scheduled for
	// deletion is deleted (7 to 30 days).
	DeletionWindowDays model.Int
	Enabled            model.Bool
	MultiRegion        model.Bool
	// Policy is the key policy. When the source sets none, it is Absent
	// (known, with no statements) and AWS's default key policy applies: it
	// gives the key's account full access through IAM.
	Policy  iam.Document
	Aliases []*Alias
}

// IsSymmetricEncryption reports whether the key is a symmetric encryption key,
// the only kind whose material AWS can rotate automatically.
func (k *Key) IsSymmetricEncryption() model.Bool {
	spec := model.Derive(k.KeySpec, func(s string) bool { return s == "SYMMETRIC_DEFAULT" })
	usage := model.Derive(k.KeyUsage, func(s string) bool { return s == "ENCRYPT_DECRYPT" })
	switch {
	case spec.Is(false):
		return spec
	case usage.Is(false):
		return usage
	case spec.Known() && usage.Known():
		return spec
	}
	return model.Unresolved[bool](k.Origin)
}

// Alias is a friendly name for a key.
type Alias struct {
	model.Resource
	// AliasName starts with "alias/".
	AliasName model.String
	// TargetKeyID is the key's ID or ARN as written; KeyResourceID is the
	// key's resource ID when the source defines it.
	TargetKeyID   model.String
	KeyResourceID string
}
