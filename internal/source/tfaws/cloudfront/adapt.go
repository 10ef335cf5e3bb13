package cloudfront

import (
	"regexp"
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/cloudfront"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var distributionTypes = []string{"aws_cloudfront_distribution"}

// Adapt builds the CloudFront state from evaluated resources.
func Adapt(set *tfres.Set) cloudfront.State {
	// Standard logging v2 delivers access logs through a CloudWatch Logs
	// delivery source whose resource is the distribution.
	deliveries := set.Attach("aws_cloudwatch_log_delivery_source", "resource_arn", distributionTypes, "arn")
	var st cloudfront.State
	for _, r := range set.OfType("aws_cloudfront_distribution") {
		st.Distributions = append(st.Distributions, adaptDistribution(set, r, deliveries))
	}
	for _, r := range set.OfType("aws_cloudfront_response_headers_policy") {
		st.ResponseHeadersPolicies = append(st.ResponseHeadersPolicies, adaptResponseHeadersPolicy(r))
	}
	return st
}

func adaptDistribution(set *tfres.Set, r *tfres.Resource, deliveries tfres.Companions) *cloudfront.Distribution {
	b := r.Body
	d := &cloudfront.Distribution{
		Resource:           r.Identity(""),
		Enabled:            b.Bool("enabled", true),
		BehaviorsKnown:     b.BlocksKnown("default_cache_behavior") && b.BlocksKnown("ordered_cache_behavior"),
		OriginsKnown:       b.BlocksKnown("origin"),
		WebACLID:           b.String("web_acl_id", ""),
		GeoRestrictionType: b.Block("restrictions").Block("geo_restriction").String("restriction_type", "none"),
		DefaultRootObject:  b.String("default_root_object", ""),
		Logging:            adaptLogging(r, deliveries),
	}
	for _, cb := range b.Blocks("default_cache_behavior") {
		d.Behaviors = append(d.Behaviors, adaptBehavior(cb, model.Set("", cb.Origin)))
	}
	for _, cb := range b.Blocks("ordered_cache_behavior") {
		d.Behaviors = append(d.Behaviors, adaptBehavior(cb, cb.String("path_pattern", "")))
	}
	for _, ob := range b.Blocks("origin") {
		d.Origins = append(d.Origins, adaptOrigin(set, ob))
	}
	vc := b.Block("viewer_certificate")
	d.Certificate = cloudfront.ViewerCertificate{
		DefaultCertificate:     vc.Bool("cloudfront_default_certificate", false),
		ACMCertificateARN:      vc.String("acm_certificate_arn", ""),
		MinimumProtocolVersion: vc.String("minimum_protocol_version", "TLSv1"),
		SSLSupportMethod:       vc.String("ssl_support_method", ""),
		Origin:                 vc.Origin,
	}
	return d
}

func adaptBehavior(b *tfres.Block, path model.String) *cloudfront.CacheBehavior {
	return &cloudfront.CacheBehavior{
		PathPattern:             path,
		TargetOriginID:          b.String("target_origin_id", ""),
		ViewerProtocolPolicy:    b.String("viewer_protocol_policy", ""),
		FieldLevelEncryptionID:  b.String("field_level_encryption_id", ""),
		ResponseHeadersPolicyID: b.String("response_headers_policy_id", ""),
		Origin:                  b.Origin,
	}
}

// adaptLogging reads standard logging (legacy) from the logging_config block,
// or standard logging v2 from a CloudWatch Logs delivery source.
func adaptLogging(r *tfres.Resource, deliveries tfres.Companions) cloudfront.Logging {
	b := r.Body
	lc := b.Block("logging_config")
	bucket := lc.String("bucket", "")
	c, certain := deliveries.For(r)
	switch {
	case lc.Present() && !lc.Unknown():
		return cloudfront.Logging{Enabled: model.Set(true, lc.Origin), Bucket: bucket}
	case c != nil:
		return cloudfront.Logging{Enabled: model.Set(true, c.Body.Origin), Bucket: bucket}
	case lc.Unknown() || !certain:
		return cloudfront.Logging{Enabled: model.Unresolved[bool](b.Origin), Bucket: bucket}
	}
	return cloudfront.Logging{Enabled: model.Default(false, b.Origin), Bucket: bucket}
}

func adaptOrigin(set *tfres.Set, b *tfres.Block) *cloudfront.Origin {
	o := &cloudfront.Origin{
		OriginID:              b.String("origin_id", ""),
		DomainName:            b.String("domain_name", ""),
		OriginAccessControlID: b.String("origin_access_control_id", ""),
		OriginAccessIdentity:  b.Block("s3_origin_config").String("origin_access_identity", ""),
		Origin:                b.Origin,
	}
	o.S3 = isS3Origin(set, b, o.DomainName)
	if co := b.Block("custom_origin_config"); co.Present() {
		o.Custom = &cloudfront.CustomOrigin{
			ProtocolPolicy: co.String("origin_protocol_policy", ""),
			SSLProtocols:   co.StringList("origin_ssl_protocols"),
		}
	}
	return o
}

// s3RESTEndpoint matches the REST endpoints of S3 buckets (bucket.s3.amazonaws.com,
// bucket.s3.eu-west-1.amazonaws.com, bucket.s3-eu-west-1.amazonaws.com), not
// their website endpoints, which CloudFront reaches as custom origins.
var s3RESTEndpoint = regexp.MustCompile(`\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$`)

// isS3Origin tells an S3 REST origin by its s3_origin_config block, by a
// domain read from a bucket's regional domain name, or by the domain itself.
func isS3Origin(set *tfres.Set, b *tfres.Block, domain model.String) model.Bool {
	if s3 := b.Block("s3_origin_config"); s3.Present() && !s3.Unknown() {
		return model.Set(true, s3.Origin)
	}
	for _, ref := range b.Refs("domain_name") {
		if t := set.Get(ref.Address); t != nil && t.Type == "aws_s3_bucket" {
			return model.Set(ref.Attr == "bucket_regional_domain_name" || ref.Attr == "bucket_domain_name", domain.Origin)
		}
	}
	return model.Derive(domain, func(d string) bool {
		d = strings.ToLower(strings.TrimSuffix(d, "."))
		return s3RESTEndpoint.MatchString(d) && !strings.Contains(d, "s3-website")
	})
}

func adaptResponseHeadersPolicy(r *tfres.Resource) *cloudfront.ResponseHeadersPolicy {
	name := r.Body.String("name", "")
	p := &cloudfront.ResponseHeadersPolicy{Resource: r.Identity(name.Val()), PolicyName: name}
	if sts := r.Body.Block("security_headers_config").Block("strict_transport_security"); sts.Present() {
		p.HSTS = &cloudfront.HSTS{
			MaxAgeSeconds:     sts.Int("access_control_max_age_sec", 0),
			IncludeSubdomains: sts.Bool("include_subdomains", false),
			Preload:           sts.Bool("preload", false),
		}
	}
	return p
}
