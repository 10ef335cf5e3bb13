package s3

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the S3 resources of an estate.
type State struct {
	Buckets []*Bucket
	// AccountPublicAccessBlocks are the account-level public access block
	// settings the source declares.
	AccountPublicAccessBlocks []*AccountPublicAccessBlock
}

// Bucket is an S3 bucket with every setting that configures it, however the
// source split them.
//
// Settings the source leaves out hold AWS's current defaults for a new bucket,
// as Defaulted values: since January 2023 every bucket is encrypted with SSE-S3
// (Encryption.Algorithm "AES256"), and since April 2023 a new bucket blocks all
// public access and disables ACLs (PublicAccessBlock all true, ObjectOwnership
// "BucketOwnerEnforced").
type Bucket struct {
	model.Resource
	// BucketName is the bucket's name; unknown when generated at apply time.
	BucketName        model.String
	ACL               ACL
	PublicAccessBlock PublicAccessBlock
	// ObjectOwnership is "BucketOwnerEnforced" (ACLs disabled),
	// "BucketOwnerPreferred" or "ObjectWriter".
	ObjectOwnership model.String
	Encryption      Encryption
	Logging         Logging
	Versioning      Versioning
	// Policy is the bucket policy; Absent when the bucket has none.
	Policy     iam.Document
	ObjectLock ObjectLock
	Lifecycle  Lifecycle
}

// ACL is a bucket's access control list: a canned ACL or explicit grants.
type ACL struct {
	// Canned is the canned ACL ("private", "public-read", ...); "" when the
	// ACL is given as grants.
	Canned model.String
	Grants []Grant
	// GrantsKnown is false when the grants could not all be resolved.
	GrantsKnown bool
}

// Grant gives one grantee one permission.
type Grant struct {
	Origin model.Origin
	// GranteeType is "CanonicalUser", "Group" or "AmazonCustomerByEmail".
	GranteeType model.String
	// GranteeURI names a predefined group, e.g. AllUsersGroup.
	GranteeURI model.String
	GranteeID  model.String
	// Permission is "READ", "WRITE", "READ_ACP", "WRITE_ACP" or "FULL_CONTROL".
	Permission model.String
}

// Predefined grantee groups.
const (
	AllUsersGroup           = "http://acs.amazonaws.com/groups/global/AllUsers"
	AuthenticatedUsersGroup = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
	LogDeliveryGroup        = "http://acs.amazonaws.com/groups/s3/LogDelivery"
)

// PublicAccessBlock is the bucket's or the account's Block Public Access
// settings.
type PublicAccessBlock struct {
	BlockPublicACLs       model.Bool
	BlockPublicPolicy     model.Bool
	IgnorePublicACLs      model.Bool
	RestrictPublicBuckets model.Bool
}

// AccountPublicAccessBlock is the account-wide Block Public Access setting.
type AccountPublicAccessBlock struct {
	model.Resource
	// AccountID is the account; "" (defaulted) means the caller's account.
	AccountID model.String
	PublicAccessBlock
}

// Encryption is a bucket's default server-side encryption.
type Encryption struct {
	// Algorithm is "AES256" (SSE-S3), "aws:kms" (SSE-KMS) or "aws:kms:dsse".
	Algorithm model.String
	// KMSKey is the KMS key for the aws:kms algorithms; "" means the AWS
	// managed key aws/s3.
	KMSKey           kms.KeyRef
	BucketKeyEnabled model.Bool
}

// Logging is a bucket's server access logging.
type Logging struct {
	Enabled model.Bool
	// TargetBucket is the name of the bucket receiving the logs.
	TargetBucket model.String
	TargetPrefix model.String
}

// Versioning is a bucket's versioning configuration.
type Versioning struct {
	Enabled   model.Bool
	MFADelete model.Bool
}

// ObjectLock is a bucket's object lock (WORM) configuration.
type ObjectLock struct {
	Enabled model.Bool
	// Mode is the default retention mode, "GOVERNANCE" or "COMPLIANCE"; ""
	// when there is no default retention.
	Mode model.String
	// Days and Years are the default retention period; 0 when unset.
	Days  model.Int
	Years model.Int
}

// Lifecycle is a bucket's lifecycle configuration.
type Lifecycle struct {
	// Configured reports whether the bucket has lifecycle rules.
	Configured model.Bool
}
