package ecr

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the ECR resources of an estate.
type State struct {
	Repositories []*Repository
	// Registries holds the registry-level settings declared: one per account
	// and region, though IaC cannot say which.
	Registries []*Registry
}

// Repository is an ECR repository with its policy.
type Repository struct {
	model.Resource
	RepositoryName model.String
	// TagMutability is "MUTABLE", "IMMUTABLE", "MUTABLE_WITH_EXCLUSION" or
	// "IMMUTABLE_WITH_EXCLUSION".
	TagMutability model.String
	// ScanOnPush is the repository's basic scan-on-push setting.
	ScanOnPush model.Bool
	Encryption Encryption
	// Policy is the repository policy; its Raw is a defaulted empty string
	// when the repository has none.
	Policy iam.Document
}

// Encryption is a repository's encryption at rest.
type Encryption struct {
	// Type is "AES256" (AWS owned key), "KMS" or "KMS_DSSE".
	Type model.String
	// Key is the key for KMS types; its ID is "" for the AWS managed key
	// aws/ecr.
	Key kms.KeyRef
}

// Registry is the private registry's account-level settings.
type Registry struct {
	model.Resource
	// ScanType is "BASIC" or "ENHANCED".
	ScanType model.String
	// ScanRules are the registry scanning rules.
	ScanRules []ScanRule
}

// ScanRule is one registry scanning rule.
type ScanRule struct {
	// Frequency is "SCAN_ON_PUSH", "CONTINUOUS_SCAN" or "MANUAL".
	Frequency model.String
	// RepositoryFilters are wildcard filters on repository names.
	RepositoryFilters model.List[string]
}
