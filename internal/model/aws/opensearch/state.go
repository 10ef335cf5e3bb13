package opensearch

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the OpenSearch Service (and legacy Elasticsearch Service)
// resources of an estate.
type State struct {
	Domains []*Domain
}

// Log types a domain can publish to CloudWatch Logs.
const (
	LogAudit       = "AUDIT_LOGS"
	LogApplication = "ES_APPLICATION_LOGS"
	LogSearchSlow  = "SEARCH_SLOW_LOGS"
	LogIndexSlow   = "INDEX_SLOW_LOGS"
)

// Domain is an OpenSearch or Elasticsearch domain with its access policy
// joined.
type Domain struct {
	model.Resource
	DomainName model.String
	// EngineVersion is e.g. "OpenSearch_2.13" or "Elasticsearch_7.10".
	EngineVersion        model.String
	AtRestEncryption     Encryption
	NodeToNodeEncryption model.Bool
	Endpoint             Endpoint
	// InVPC reports whether the domain's endpoint lives in a VPC; a domain
	// outside a VPC has a public endpoint.
	InVPC model.Bool
	// AccessPolicy is the domain's resource policy; a known empty text when
	// there is none, unknown when a policy that could not be attributed might
	// apply.
	AccessPolicy   iam.Document
	FineGrained    FineGrainedAccessControl
	CognitoEnabled model.Bool
	// Logs maps each log type to whether it is published; a type absent from
	// a known map is not published.
	Logs model.Map[bool]
}

// Encryption is encryption at rest.
type Encryption struct {
	Enabled model.Bool
	// Key's ID is "" when the AWS managed key aws/es is used.
	Key kms.KeyRef
}

// Endpoint is the domain endpoint's TLS configuration.
type Endpoint struct {
	EnforceHTTPS model.Bool
	// TLSPolicy is e.g. "Policy-Min-TLS-1-2-2019-07".
	TLSPolicy model.String
}

// FineGrainedAccessControl is OpenSearch's fine-grained access control
// (the security plugin).
type FineGrainedAccessControl struct {
	Enabled              model.Bool
	InternalUserDatabase model.Bool
}
