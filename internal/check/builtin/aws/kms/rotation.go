package kms

import "github.com/vigil-sec/vigil/internal/check"

var rotation = &check.Check{
	ID:       "AWS-KMS-001",
	Slug:     "aws-kms-key-rotation-disabled",
	Title:    "KMS key rotation is not enabled",
	Provider: "aws",
	Service:  "kms",
	Severity: check.Medium,
	Description: "Automatic rotation of the key material is off on a symmetric encryption key (the provider's default). " +
		"Asymmetric and HMAC keys are not judged: AWS cannot rotate them.",
	Rationale: "Rotation limits how much data one version of the key material protects and how long a leaked copy of it " +
		"stays useful. AWS keeps old material to decrypt existing data, so rotation needs no re-encryption.",
	Remediation: check.Remediation{
		Text: "Enable automatic key rotation (yearly by default; rotation_period_in_days can shorten it).",
		Terraform: `resource "aws_kms_key" "example" {
  description         = "example"
  enable_key_rotation = true
}`,
	},
	References: []string{"https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkCISAWS30, ID: "3.6"},
		{Framework: check.FrameworkNIST80053, ID: "SC-12"},
		{Framework: check.FrameworkPCIDSS40, ID: "3.7.4"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0065"},
		Tfsec:   []string{"aws-kms-auto-rotate-keys"},
		Checkov: []string{"CKV_AWS_7"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, k := range in.AWS.KMS.Keys {
			if !k.IsSymmetricEncryption().Is(true) {
				continue
			}
			r.Judge(k.Resource, k.RotationEnabled, false, "KMS key %s does not have automatic rotation enabled.", k.Name)
		}
	},
}
