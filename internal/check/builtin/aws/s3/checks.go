package s3

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the S3 checks.
func Checks() []*check.Check {
	return []*check.Check{
		versioning,
	}
}
