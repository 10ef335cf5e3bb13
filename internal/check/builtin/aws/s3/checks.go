package s3

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the S3 checks.
func Checks() []*check.Check {
	return []*check.Check{
		blockPublicACLs,
		blockPublicPolicy,
		versioning,
		ignorePublicACLs,
		restrictPublicBuckets,
		publicACL,
		publicPolicy,
		encryptionCMK,
		accessLogging,
		mfaDelete,
		denyInsecureTransport,
		accountPublicAccess,
	}
}
