package redshift

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

var encryption = &check.Check{
	ID:          "AWS-REDSHIFT-001",
	Slug:        "aws-redshift-not-encrypted",
	Title:       "Redshift cluster is not encrypted",
	Provider:    "aws",
	Service:     "redshift",
	Severity:    check.High,
	Description: "The cluster stores its data blocks, system metadata and snapshots unencrypted.",
	Rationale: "A data warehouse gathers an organisation's most sensitive data in one place. Unencrypted, every " +
		"snapshot and disk copy exposes all of it.",
	Remediation: check.Remediation{
		Text: "Set encrypted to true (Redshift encrypts an existing cluster in place) with a customer managed key.",
		Terraform: `resource "aws_redshift_cluster" "example" {
  # ...
  encrypted  = true
  kms_key_id = aws_kms_key.redshift.arn
}`,
	},
	References: []string{"https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html"},
	Compliance: control.EncryptionAtRest(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0084"},
		Tfsec:   []string{"aws-redshift-encryption-customer-key"},
		Checkov: []string{"CKV_AWS_64"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.Redshift.Clusters {
			r.Judge(c.Resource, c.Encryption.Enabled, false, "Redshift cluster %s is not encrypted.", c.Name)
		}
	},
}

var customerKey = &check.Check{
	ID:          "AWS-REDSHIFT-002",
	Slug:        "aws-redshift-not-cmk",
	Title:       "Redshift data is not encrypted with a customer managed key",
	Provider:    "aws",
	Service:     "redshift",
	Severity:    check.Low,
	Description: "The encrypted cluster or serverless namespace uses a key AWS manages rather than a customer managed KMS key.",
	Rationale: "Only a customer managed key lets you restrict in its key policy who may decrypt the warehouse and " +
		"its snapshots, audit every use in CloudTrail, and revoke access by disabling the key.",
	Remediation: check.Remediation{
		Text: "Set kms_key_id to a customer managed KMS key.",
		Terraform: `resource "aws_redshift_cluster" "example" {
  # ...
  encrypted  = true
  kms_key_id = aws_kms_key.redshift.arn
}`,
	},
	References: []string{"https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html"},
	Compliance: control.CustomerManagedKey(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0084"},
		Tfsec:   []string{"aws-redshift-encryption-customer-key"},
		Checkov: []string{"CKV_AWS_142"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.Redshift.Clusters {
			// An unencrypted cluster is reported by AWS-REDSHIFT-001.
			if c.Encryption.Enabled.Is(true) {
				evalKey(r, c.Resource, "cluster", c.Encryption.Key)
			}
		}
		for _, n := range in.AWS.Redshift.Namespaces {
			evalKey(r, n.Resource, "Serverless namespace", n.EncryptionKey)
		}
	},
}

func evalKey(r *check.Reporter, res model.Resource, kind string, key kms.KeyRef) {
	r.Judge(res, key.CustomerManaged, false, "Redshift %s %s is not encrypted with a customer managed key.", kind, res.Name)
}
