package dynamodb

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
)

var daxAtRestEncryption = &check.Check{
	ID:          "AWS-DYNAMODB-003",
	Slug:        "aws-dynamodb-dax-not-encrypted-at-rest",
	Title:       "DAX cluster is not encrypted at rest",
	Provider:    "aws",
	Service:     "dynamodb",
	Severity:    check.Medium,
	Description: "The DynamoDB Accelerator cluster keeps its cached items, configuration and logs unencrypted on disk.",
	Rationale: "A DAX cluster holds copies of table items; unencrypted, they lose the protection the table itself " +
		"has. At-rest encryption can only be chosen when the cluster is created.",
	Remediation: check.Remediation{
		Text: "Enable server_side_encryption on the cluster (this replaces it).",
		Terraform: `resource "aws_dax_cluster" "example" {
  # ...
  server_side_encryption {
    enabled = true
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html"},
	Compliance: control.EncryptionAtRest(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0023"},
		Tfsec:   []string{"aws-dynamodb-enable-at-rest-encryption"},
		Checkov: []string{"CKV_AWS_47"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.DynamoDB.DAXClusters {
			r.Judge(c.Resource, c.AtRestEncryption, false, "DAX cluster %s is not encrypted at rest.", c.Name)
		}
	},
}

var daxTransitEncryption = &check.Check{
	ID:          "AWS-DYNAMODB-004",
	Slug:        "aws-dynamodb-dax-no-tls",
	Title:       "DAX cluster endpoint does not use TLS",
	Provider:    "aws",
	Service:     "dynamodb",
	Severity:    check.Medium,
	Description: "Clients talk to the DynamoDB Accelerator cluster endpoint in plain text.",
	Rationale: "Without TLS, items read and written through DAX cross the network unencrypted and can be captured " +
		"or altered by anything on the path. The setting can only be chosen when the cluster is created.",
	Remediation: check.Remediation{
		Text: "Set cluster_endpoint_encryption_type to TLS (this replaces the cluster) and connect with the daxs:// scheme.",
		Terraform: `resource "aws_dax_cluster" "example" {
  # ...
  cluster_endpoint_encryption_type = "TLS"
}`,
	},
	References:  []string{"https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionInTransit.html"},
	Compliance:  control.EncryptionInTransit(),
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_239"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.DynamoDB.DAXClusters {
			switch v := c.EndpointEncryption; {
			case v.Is("NONE"):
				r.Fail(c.Resource, v.Origin, "DAX cluster %s does not encrypt client connections with TLS.", c.Name)
			case v.Known():
				r.Pass(c.Resource)
			}
		}
	},
}
