package elasticache

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/elasticache"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

var atRestEncryption = &check.Check{
	ID:          "AWS-ELASTICACHE-001",
	Slug:        "aws-elasticache-not-encrypted-at-rest",
	Title:       "ElastiCache replication group is not encrypted at rest",
	Provider:    "aws",
	Service:     "elasticache",
	Severity:    check.Medium,
	Description: "The Valkey or Redis OSS replication group writes its data, swap and backups to disk unencrypted.",
	Rationale: "Caches commonly hold session tokens and copies of database records. Backups exported to S3 and " +
		"swapped pages keep that data on disk. At-rest encryption can only be chosen when the group is created.",
	Remediation: check.Remediation{
		Text: "Set at_rest_encryption_enabled to true (this replaces the group).",
		Terraform: `resource "aws_elasticache_replication_group" "example" {
  # ...
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.cache.arn
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html"},
	Compliance: control.EncryptionAtRest(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0045"},
		Tfsec:   []string{"aws-elasticache-enable-at-rest-encryption"},
		Checkov: []string{"CKV_AWS_29"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, g := range in.AWS.ElastiCache.ReplicationGroups {
			r.Judge(g.Resource, g.AtRestEncryption.Enabled, false, "ElastiCache replication group %s is not encrypted at rest.", g.Name)
		}
	},
}

var transitEncryption = &check.Check{
	ID:          "AWS-ELASTICACHE-002",
	Slug:        "aws-elasticache-no-transit-encryption",
	Title:       "ElastiCache does not require TLS",
	Provider:    "aws",
	Service:     "elasticache",
	Severity:    check.Medium,
	Description: "The replication group or cache cluster accepts plain-text connections: in-transit encryption is off, or its mode is \"preferred\".",
	Rationale: "Without TLS, cached data and AUTH passwords cross the network in clear text, readable and alterable by " +
		"anything on the path. Valkey and Redis OSS AUTH also requires in-transit encryption.",
	Remediation: check.Remediation{
		Text: "Set transit_encryption_enabled to true and transit_encryption_mode to \"required\" once clients use TLS.",
		Terraform: `resource "aws_elasticache_replication_group" "example" {
  # ...
  transit_encryption_enabled = true
  transit_encryption_mode    = "required"
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html"},
	Compliance: control.EncryptionInTransit(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0051"},
		Tfsec:   []string{"aws-elasticache-enable-in-transit-encryption"},
		Checkov: []string{"CKV_AWS_30"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, g := range in.AWS.ElastiCache.ReplicationGroups {
			evalTransit(g, r)
		}
		for _, c := range in.AWS.ElastiCache.Clusters {
			r.Judge(c.Resource, c.TransitEncryption, false, "ElastiCache cluster %s does not encrypt connections in transit.", c.Name)
		}
	},
}

func evalTransit(g *elasticache.ReplicationGroup, r *check.Reporter) {
	enabled, mode := g.Transit.Enabled, g.Transit.Mode
	switch {
	case enabled.Is(false):
		r.Fail(g.Resource, enabled.Origin, "ElastiCache replication group %s does not encrypt connections in transit.", g.Name)
	case !enabled.Known():
	case mode.Is("preferred"):
		r.Fail(g.Resource, mode.Origin, "ElastiCache replication group %s still accepts unencrypted connections (transit encryption mode is preferred).", g.Name)
	case mode.Known():
		r.Pass(g.Resource)
	}
}

var customerKey = &check.Check{
	ID:          "AWS-ELASTICACHE-005",
	Slug:        "aws-elasticache-not-cmk",
	Title:       "ElastiCache data is not encrypted with a customer managed key",
	Provider:    "aws",
	Service:     "elasticache",
	Severity:    check.Low,
	Description: "The replication group or serverless cache encrypts data at rest with a key AWS owns.",
	Rationale: "Only a customer managed key lets you restrict in its key policy who may decrypt the cache and its " +
		"backups, audit every use in CloudTrail, and revoke access by disabling the key.",
	Remediation: check.Remediation{
		Text: "Set kms_key_id to a customer managed KMS key.",
		Terraform: `resource "aws_elasticache_replication_group" "example" {
  # ...
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.cache.arn
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html#using-customer-managed-keys-for-elasticache-security"},
	Compliance: control.CustomerManagedKey(),
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, g := range in.AWS.ElastiCache.ReplicationGroups {
			// Without encryption at rest there is no key; AWS-ELASTICACHE-001 reports that.
			if g.AtRestEncryption.Enabled.Is(true) {
				evalKey(r, g.Resource, "replication group", g.AtRestEncryption.Key)
			}
		}
		for _, c := range in.AWS.ElastiCache.ServerlessCaches {
			evalKey(r, c.Resource, "serverless cache", c.EncryptionKey)
		}
	},
}

func evalKey(r *check.Reporter, res model.Resource, kind string, key kms.KeyRef) {
	r.Judge(res, key.CustomerManaged, false, "ElastiCache %s %s is not encrypted with a customer managed key.", kind, res.Name)
}
