package kms

import (
	"github.com/vigil-sec/vigil/internal/check"
)

var publicKeyPolicy = &check.Check{
	ID:       "AWS-KMS-002",
	Slug:     "aws-kms-key-policy-public",
	Title:    "KMS key policy allows any principal",
	Provider: "aws",
	Service:  "kms",
	Severity: check.Critical,
	Description: "A statement of the key policy allows Principal \"*\" (or uses NotPrincipal) without a condition that " +
		"limits it to an organization, account, calling service or named principal.",
	Rationale: "The key policy is the primary control on a KMS key. A public statement lets any AWS account use the key " +
		"(to decrypt data, or to change or schedule deletion of the key, depending on the actions), whatever your IAM " +
		"policies say.",
	Remediation: check.Remediation{
		Text: "Name the principals in the key policy (the account root to delegate to IAM, and specific roles), or restrict a wildcard principal with kms:CallerAccount and kms:ViaService.",
		Terraform: `data "aws_iam_policy_document" "key" {
  statement {
    sid       = "EnableIAMPolicies"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
}

resource "aws_kms_key" "example" {
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.key.json
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html",
		"https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "SC-12"},
		{Framework: check.FrameworkPCIDSS40, ID: "3.6.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_33"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, k := range in.AWS.KMS.Keys {
			if !k.Policy.Known() {
				continue
			}
			grants, undecided := k.Policy.PublicGrants()
			for _, g := range grants {
				r.Fail(k.Resource, g.Statement.Origin, "KMS key %s has a key policy allowing any principal.", k.Name)
			}
			if len(grants) == 0 && !undecided {
				r.Pass(k.Resource)
			}
		}
	},
}
