package cloudfront

import "github.com/vigil-sec/vigil/internal/model"

// State holds the CloudFront resources of an estate.
type State struct {
	Distributions           []*Distribution
	ResponseHeadersPolicies []*ResponseHeadersPolicy
}

// Distribution is a CloudFront distribution.
type Distribution struct {
	model.Resource
	Enabled model.Bool
	// Behaviors holds the default cache behavior first, then the ordered
	// ones.
	Behaviors []*CacheBehavior
	// BehaviorsKnown is false when ordered behaviors come from a dynamic
	// block that could not be expanded.
	BehaviorsKnown bool
	Origins        []*Origin
	OriginsKnown   bool
	Certificate    ViewerCertificate
	Logging        Logging
	// WebACLID is the WAF web ACL ID (WAF Classic) or ARN (WAFv2); empty
	// when none is associated.
	WebACLID model.String
	// GeoRestrictionType is "none", "whitelist" or "blacklist".
	GeoRestrictionType model.String
	DefaultRootObject  model.String
}

// CacheBehavior is a cache behavior; PathPattern is empty for the default.
type CacheBehavior struct {
	PathPattern    model.String
	TargetOriginID model.String
	// ViewerProtocolPolicy is "allow-all", "https-only" or
	// "redirect-to-https".
	ViewerProtocolPolicy    model.String
	FieldLevelEncryptionID  model.String
	ResponseHeadersPolicyID model.String
	// Origin is where the behavior is defined.
	Origin model.Origin
}

// IsDefault reports whether b is the default cache behavior.
func (b *CacheBehavior) IsDefault() bool { return b.PathPattern.Is("") }

// Origin is a distribution origin.
type Origin struct {
	OriginID   model.String
	DomainName model.String
	// S3 reports whether the origin is an S3 bucket's REST endpoint (not a
	// website endpoint); unknown when the domain could not be resolved.
	S3 model.Bool
	// OriginAccessControlID and OriginAccessIdentity restrict an S3 origin
	// to CloudFront; empty when not set.
	OriginAccessControlID model.String
	OriginAccessIdentity  model.String
	// Custom is set for custom origins.
	Custom *CustomOrigin
	// Origin is where the origin block is defined.
	Origin model.Origin
}

// CustomOrigin is a custom (non-S3) origin's connection settings.
type CustomOrigin struct {
	// ProtocolPolicy is "http-only", "https-only" or "match-viewer".
	ProtocolPolicy model.String
	// SSLProtocols are the protocols CloudFront may use with the origin:
	// "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2".
	SSLProtocols model.List[string]
}

// ViewerCertificate is the certificate viewers see.
type ViewerCertificate struct {
	// DefaultCertificate reports whether the *.cloudfront.net certificate is
	// used; CloudFront then accepts TLSv1 whatever the minimum protocol says.
	DefaultCertificate model.Bool
	ACMCertificateARN  model.String
	// MinimumProtocolVersion is the security policy, e.g. "TLSv1.2_2021".
	MinimumProtocolVersion model.String
	// SSLSupportMethod is "sni-only", "vip" or "static-ip".
	SSLSupportMethod model.String
	// Origin is where the viewer_certificate block is defined.
	Origin model.Origin
}

// Logging is a distribution's access logging.
type Logging struct {
	// Enabled is true with standard logging (legacy) to S3 or a CloudWatch
	// log delivery source for the distribution.
	Enabled model.Bool
	Bucket  model.String
}

// ResponseHeadersPolicy is a response headers policy.
type ResponseHeadersPolicy struct {
	model.Resource
	PolicyName model.String
	// HSTS is set when the policy sets Strict-Transport-Security.
	HSTS *HSTS
}

// HSTS is a Strict-Transport-Security header setting.
type HSTS struct {
	MaxAgeSeconds     model.Int
	IncludeSubdomains model.Bool
	Preload           model.Bool
}
