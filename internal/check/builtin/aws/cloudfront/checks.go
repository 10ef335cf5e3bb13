package cloudfront

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the CloudFront checks.
func Checks() []*check.Check {
	return []*check.Check{
		viewerHTTP,
		viewerTLS,
		waf,
		logging,
		originHTTP,
		originSSL,
		s3OriginAccess,
	}
}
