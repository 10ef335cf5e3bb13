package elasticache

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/elasticache"
)

var authentication = &check.Check{
	ID:          "AWS-ELASTICACHE-003",
	Slug:        "aws-elasticache-no-auth",
	Title:       "ElastiCache replication group does not require authentication",
	Provider:    "aws",
	Service:     "elasticache",
	Severity:    check.Medium,
	Description: "The Valkey or Redis OSS replication group has TLS on but neither an AUTH token nor an RBAC user group, so any client that reaches it can run any command.",
	Rationale: "Network rules are then the only protection: any compromised workload allowed by the security group " +
		"can read every key, overwrite sessions, or flush the cache.",
	Remediation: check.Remediation{
		Text: "Associate an RBAC user group (user_group_ids) or set an auth_token from a secret store.",
		Terraform: `resource "aws_elasticache_replication_group" "example" {
  # ...
  transit_encryption_enabled = true
  user_group_ids             = [aws_elasticache_user_group.app.id]
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html",
		"https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "IA-2"},
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkPCIDSS40, ID: "8.3.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.5"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_31"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, g := range in.AWS.ElastiCache.ReplicationGroups {
			evalAuth(g, r)
		}
	},
}

func evalAuth(g *elasticache.ReplicationGroup, r *check.Reporter) {
	// AUTH needs TLS; a group without it is reported by AWS-ELASTICACHE-002.
	if !g.Transit.Enabled.Is(true) {
		return
	}
	token, groups := g.Auth.TokenSet, g.Auth.UserGroupIDs
	switch {
	case token.Is(true), len(groups.Items) > 0:
		r.Pass(g.Resource)
	case token.Is(false) && groups.IsEmpty():
		r.Fail(g.Resource, g.Origin, "ElastiCache replication group %s does not require an AUTH token or RBAC user.", g.Name)
	}
}

var backupRetention = &check.Check{
	ID:          "AWS-ELASTICACHE-004",
	Slug:        "aws-elasticache-backups-disabled",
	Title:       "ElastiCache automatic backups are disabled",
	Provider:    "aws",
	Service:     "elasticache",
	Severity:    check.Low,
	Description: "The Valkey or Redis OSS replication group or cluster keeps no automatic snapshots (snapshot_retention_limit is 0).",
	Rationale: "When Valkey or Redis OSS is used as a data store rather than a pure cache, losing the nodes or " +
		"flushing the keys by mistake loses the data for good unless daily snapshots are kept.",
	Remediation: check.Remediation{
		Text: "Set snapshot_retention_limit to the number of days of snapshots to keep.",
		Terraform: `resource "aws_elasticache_replication_group" "example" {
  # ...
  snapshot_retention_limit = 7
  snapshot_window          = "03:00-05:00"
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "CP-9"},
		{Framework: check.FrameworkSOC2, ID: "A1.2"},
		{Framework: check.FrameworkISO27001, ID: "A.8.13"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0050"},
		Tfsec:   []string{"aws-elasticache-enable-backup-retention"},
		Checkov: []string{"CKV_AWS_134"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, g := range in.AWS.ElastiCache.ReplicationGroups {
			switch v := g.SnapshotRetentionDays; {
			case v.Is(0):
				r.Fail(g.Resource, v.Origin, "ElastiCache replication group %s has automatic backups disabled.", g.Name)
			case v.Known():
				r.Pass(g.Resource)
			}
		}
		for _, c := range in.AWS.ElastiCache.Clusters {
			// Memcached has no backups; members follow their group.
			switch v := c.SnapshotRetentionDays; {
			case v.Is(0):
				r.Fail(c.Resource, v.Origin, "ElastiCache cluster %s has automatic backups disabled.", c.Name)
			case v.Known():
				r.Pass(c.Resource)
			}
		}
	},
}
