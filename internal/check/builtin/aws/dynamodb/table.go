package dynamodb

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model/aws/dynamodb"
)

var pointInTimeRecovery = &check.Check{
	ID:          "AWS-DYNAMODB-001",
	Slug:        "aws-dynamodb-pitr-disabled",
	Title:       "DynamoDB table point-in-time recovery is not enabled",
	Provider:    "aws",
	Service:     "dynamodb",
	Severity:    check.Medium,
	Description: "The table cannot be restored to an earlier point in time.",
	Rationale: "Point-in-time recovery keeps continuous backups for up to 35 days, so a table damaged by a faulty " +
		"deployment, an accidental bulk write or deletion, or a malicious actor can be restored to the second " +
		"before it happened. Without it only manual or scheduled backups remain.",
	Remediation: check.Remediation{
		Text: "Enable point_in_time_recovery on the table.",
		Terraform: `resource "aws_dynamodb_table" "example" {
  # ...
  point_in_time_recovery {
    enabled = true
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "CP-9"},
		{Framework: check.FrameworkNIST80053, ID: "CP-10"},
		{Framework: check.FrameworkSOC2, ID: "A1.2"},
		{Framework: check.FrameworkHIPAA, ID: "164.308(a)(7)(ii)(A)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.13"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0024"},
		Tfsec:   []string{"aws-dynamodb-enable-recovery"},
		Checkov: []string{"CKV_AWS_28"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, t := range in.AWS.DynamoDB.Tables {
			r.Judge(t.Resource, t.PointInTimeRecovery, false, "DynamoDB table %s does not have point-in-time recovery enabled.", t.Name)
		}
	},
}

var tableCustomerKey = &check.Check{
	ID:          "AWS-DYNAMODB-002",
	Slug:        "aws-dynamodb-table-not-cmk",
	Title:       "DynamoDB table is not encrypted with a customer managed key",
	Provider:    "aws",
	Service:     "dynamodb",
	Severity:    check.Low,
	Description: "The table is encrypted with a key owned by AWS or with the AWS managed key aws/dynamodb.",
	Rationale: "DynamoDB always encrypts tables, but only a customer managed key lets you decide in its key policy who " +
		"may decrypt the data, see every use in CloudTrail, and cut off access by disabling the key.",
	Remediation: check.Remediation{
		Text: "Enable server-side encryption with a customer managed KMS key.",
		Terraform: `resource "aws_dynamodb_table" "example" {
  # ...
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.dynamodb.arn
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html"},
	Compliance: control.CustomerManagedKey(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0025"},
		Tfsec:   []string{"aws-dynamodb-table-customer-key"},
		Checkov: []string{"CKV_AWS_119"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, t := range in.AWS.DynamoDB.Tables {
			evalCustomerKey(t, r)
		}
	},
}

func evalCustomerKey(t *dynamodb.Table, r *check.Reporter) {
	kms, cm := t.Encryption.KMS, t.Encryption.Key.CustomerManaged
	switch {
	case kms.Is(false):
		r.Fail(t.Resource, kms.Origin, "DynamoDB table %s is encrypted with a key owned by AWS, not a customer managed key.", t.Name)
	case cm.Is(false):
		r.Fail(t.Resource, cm.Origin, "DynamoDB table %s is encrypted with the AWS managed key, not a customer managed key.", t.Name)
	case kms.Is(true) && cm.Known():
		r.Pass(t.Resource)
	}
}

var deletionProtection = &check.Check{
	ID:          "AWS-DYNAMODB-005",
	Slug:        "aws-dynamodb-deletion-protection-disabled",
	Title:       "DynamoDB table deletion protection is not enabled",
	Provider:    "aws",
	Service:     "dynamodb",
	Severity:    check.Low,
	Description: "The table can be deleted without first turning deletion protection off.",
	Rationale: "Deleting a table removes its data and point-in-time recovery history at once. Deletion protection " +
		"stops a mistaken terraform destroy, console click or compromised automation from doing so in one call.",
	Remediation: check.Remediation{
		Text: "Set deletion_protection_enabled to true on tables that hold data you cannot recreate.",
		Terraform: `resource "aws_dynamodb_table" "example" {
  # ...
  deletion_protection_enabled = true
}`,
	},
	References: []string{"https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "CP-9"},
		{Framework: check.FrameworkNIST80053, ID: "SI-12"},
		{Framework: check.FrameworkSOC2, ID: "A1.2"},
		{Framework: check.FrameworkISO27001, ID: "A.8.13"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, t := range in.AWS.DynamoDB.Tables {
			r.Judge(t.Resource, t.DeletionProtection, false, "DynamoDB table %s does not have deletion protection enabled.", t.Name)
		}
	},
}
