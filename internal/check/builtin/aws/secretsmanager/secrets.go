package secretsmanager

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
)

var customerKey = &check.Check{
	ID:          "AWS-SECRETSMANAGER-001",
	Slug:        "aws-secretsmanager-secret-no-cmk",
	Title:       "Secrets Manager secret is not encrypted with a customer managed KMS key",
	Provider:    "aws",
	Service:     "secretsmanager",
	Severity:    check.Low,
	Description: "The secret has no kms_key_id, or names the AWS managed key aws/secretsmanager.",
	Rationale: "With the AWS managed key, secretsmanager:GetSecretValue alone reveals the secret, the key cannot be " +
		"shared with other accounts, and its use cannot be restricted in a key policy. A customer managed key adds " +
		"kms:Decrypt as a second, separately granted permission.",
	Remediation: check.Remediation{
		Text: "Encrypt the secret with a customer managed KMS key whose policy grants kms:Decrypt only to the secret's consumers.",
		Terraform: `resource "aws_secretsmanager_secret" "example" {
  name       = "example"
  kms_key_id = aws_kms_key.secrets.arn
}`,
	},
	References: []string{"https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html"},
	Compliance: control.EncryptionAtRest(check.Control{Framework: check.FrameworkNIST80053, ID: "SC-12"}),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0098"},
		Tfsec:   []string{"aws-ssm-secret-use-customer-key"},
		Checkov: []string{"CKV_AWS_149"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, s := range in.AWS.SecretsManager.Secrets {
			switch v := s.KMSKey.CustomerManaged; {
			case v.Is(false):
				r.Fail(s.Resource, s.KMSKey.ID.Origin, "Secret %s is encrypted with the AWS managed key rather than a customer managed key.", s.Name)
			case v.Known():
				r.Pass(s.Resource)
			}
		}
	},
}

var rotation = &check.Check{
	ID:       "AWS-SECRETSMANAGER-002",
	Slug:     "aws-secretsmanager-secret-rotation-disabled",
	Title:    "Secrets Manager secret does not rotate automatically",
	Provider: "aws",
	Service:  "secretsmanager",
	Severity: check.Medium,
	Description: "The secret has no rotation configured (no aws_secretsmanager_secret_rotation resource, or the v3 " +
		"rotation arguments).",
	Rationale: "A secret that never changes stays valid for as long as any copy of it leaks: in logs, old containers, " +
		"laptops or former employees' notes. Rotation bounds that window and proves the consumers can cope with a change.",
	Remediation: check.Remediation{
		Text: "Configure rotation with a rotation function (or managed rotation for supported services) on a schedule of 90 days or less.",
		Terraform: `resource "aws_secretsmanager_secret_rotation" "example" {
  secret_id           = aws_secretsmanager_secret.example.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn
  rotation_rules {
    automatically_after_days = 30
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "IA-5(1)"},
		{Framework: check.FrameworkPCIDSS40, ID: "8.6.3"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.5.17"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, s := range in.AWS.SecretsManager.Secrets {
			r.Judge(s.Resource, s.Rotation.Enabled, false, "Secret %s does not have automatic rotation enabled.", s.Name)
		}
	},
}

var publicPolicy = &check.Check{
	ID:       "AWS-SECRETSMANAGER-003",
	Slug:     "aws-secretsmanager-secret-policy-public",
	Title:    "Secrets Manager secret policy allows any principal",
	Provider: "aws",
	Service:  "secretsmanager",
	Severity: check.Critical,
	Description: "A statement of the secret's resource policy allows Principal \"*\" (or uses NotPrincipal) without a " +
		"condition that limits it to an organization, account, network or named principal.",
	Rationale: "Any AWS account can then call the allowed actions on the secret; with secretsmanager:GetSecretValue and " +
		"the AWS managed key, that is reading the secret.",
	Remediation: check.Remediation{
		Text: "Name the principals that need the secret, or restrict the wildcard with aws:PrincipalOrgID or aws:PrincipalArn, and set block_public_policy so Secrets Manager rejects public policies.",
		Terraform: `resource "aws_secretsmanager_secret_policy" "example" {
  secret_arn          = aws_secretsmanager_secret.example.arn
  policy              = data.aws_iam_policy_document.secret.json
  block_public_policy = true
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html",
		"https://docs.aws.amazon.com/secretsmanager/latest/userguide/determine-acccess_examine-iam-policies.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "AC-6"},
		{Framework: check.FrameworkPCIDSS40, ID: "7.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(a)(1)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.3"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, s := range in.AWS.SecretsManager.Secrets {
			if !s.Policy.Known() {
				continue
			}
			grants, undecided := s.Policy.PublicGrants()
			for _, g := range grants {
				r.Fail(s.Resource, g.Statement.Origin, "Secret %s has a resource policy allowing any principal.", s.Name)
			}
			if len(grants) == 0 && !undecided {
				r.Pass(s.Resource)
			}
		}
	},
}
