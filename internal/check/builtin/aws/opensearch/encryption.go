package opensearch

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model/aws/opensearch"
)

var atRestEncryption = &check.Check{
	ID:          "AWS-OPENSEARCH-001",
	Slug:        "aws-opensearch-not-encrypted-at-rest",
	Title:       "OpenSearch domain is not encrypted at rest",
	Provider:    "aws",
	Service:     "opensearch",
	Severity:    check.High,
	Description: "The domain stores its indices, logs, swap and automated snapshots unencrypted.",
	Rationale: "Search domains hold copies of application data and logs, often including personal data and secrets " +
		"written to logs. Unencrypted, every disk and snapshot copy exposes them.",
	Remediation: check.Remediation{
		Text: "Enable encrypt_at_rest (with a customer managed kms_key_id where required).",
		Terraform: `resource "aws_opensearch_domain" "example" {
  # ...
  encrypt_at_rest {
    enabled = true
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html"},
	Compliance: control.EncryptionAtRest(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0048"},
		Tfsec:   []string{"aws-elastic-search-enable-domain-encryption"},
		Checkov: []string{"CKV_AWS_5"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, d := range in.AWS.OpenSearch.Domains {
			r.Judge(d.Resource, d.AtRestEncryption.Enabled, false, "OpenSearch domain %s is not encrypted at rest.", d.Name)
		}
	},
}

var nodeToNodeEncryption = &check.Check{
	ID:          "AWS-OPENSEARCH-002",
	Slug:        "aws-opensearch-node-to-node-encryption-disabled",
	Title:       "OpenSearch node-to-node encryption is not enabled",
	Provider:    "aws",
	Service:     "opensearch",
	Severity:    check.Medium,
	Description: "Traffic between the domain's nodes inside the VPC or service network is not encrypted.",
	Rationale: "Shard replication and queries between nodes carry the indexed data; without TLS between nodes it " +
		"travels in clear text. Fine-grained access control requires node-to-node encryption.",
	Remediation: check.Remediation{
		Text: "Enable node_to_node_encryption.",
		Terraform: `resource "aws_opensearch_domain" "example" {
  # ...
  node_to_node_encryption {
    enabled = true
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html"},
	Compliance: control.EncryptionInTransit(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0043"},
		Tfsec:   []string{"aws-elastic-search-enable-in-transit-encryption"},
		Checkov: []string{"CKV_AWS_6"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, d := range in.AWS.OpenSearch.Domains {
			r.Judge(d.Resource, d.NodeToNodeEncryption, false, "OpenSearch domain %s does not encrypt traffic between nodes.", d.Name)
		}
	},
}

var enforceHTTPS = &check.Check{
	ID:          "AWS-OPENSEARCH-003",
	Slug:        "aws-opensearch-https-not-enforced",
	Title:       "OpenSearch domain does not enforce HTTPS",
	Provider:    "aws",
	Service:     "opensearch",
	Severity:    check.High,
	Description: "The domain endpoint accepts plain HTTP requests.",
	Rationale: "Over HTTP, request signatures, basic-auth credentials, queries and documents cross the network in " +
		"clear text.",
	Remediation: check.Remediation{
		Text: "Set enforce_https to true in domain_endpoint_options.",
		Terraform: `resource "aws_opensearch_domain" "example" {
  # ...
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html"},
	Compliance: control.EncryptionInTransit(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0046"},
		Tfsec:   []string{"aws-elastic-search-enforce-https"},
		Checkov: []string{"CKV_AWS_83"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, d := range in.AWS.OpenSearch.Domains {
			r.Judge(d.Resource, d.Endpoint.EnforceHTTPS, false, "OpenSearch domain %s does not enforce HTTPS.", d.Name)
		}
	},
}

// outdatedTLSPolicies allow TLS 1.0 and 1.1.
var outdatedTLSPolicies = []string{"Policy-Min-TLS-1-0-2019-07"}

var tlsPolicy = &check.Check{
	ID:          "AWS-OPENSEARCH-004",
	Slug:        "aws-opensearch-outdated-tls-policy",
	Title:       "OpenSearch domain allows outdated TLS versions",
	Provider:    "aws",
	Service:     "opensearch",
	Severity:    check.Medium,
	Description: "The domain endpoint's TLS security policy accepts TLS 1.0 and 1.1.",
	Rationale: "TLS 1.0 and 1.1 are deprecated (RFC 8996) and have known weaknesses; a client or attacker can " +
		"negotiate them down from TLS 1.2.",
	Remediation: check.Remediation{
		Text: "Set tls_security_policy to Policy-Min-TLS-1-2-PFS-2023-10 (or Policy-Min-TLS-1-2-2019-07).",
		Terraform: `resource "aws_opensearch_domain" "example" {
  # ...
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_DomainEndpointOptions.html"},
	Compliance: control.EncryptionInTransit(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0126"},
		Tfsec:   []string{"aws-elastic-search-use-secure-tls-policy"},
		Checkov: []string{"CKV_AWS_228"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, d := range in.AWS.OpenSearch.Domains {
			evalTLSPolicy(d, r)
		}
	},
}

func evalTLSPolicy(d *opensearch.Domain, r *check.Reporter) {
	switch p := d.Endpoint.TLSPolicy; {
	case p.IsOneOf(outdatedTLSPolicies...):
		r.Fail(d.Resource, p.Origin, "OpenSearch domain %s accepts TLS versions older than 1.2.", d.Name)
	case p.Known():
		r.Pass(d.Resource)
	}
}
