package iam

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
)

var credentialCompliance = []check.Control{
	{Framework: check.FrameworkNIST80053, ID: "IA-5(1)"},
	{Framework: check.FrameworkNIST80053, ID: "SC-28"},
	{Framework: check.FrameworkPCIDSS40, ID: "8.3.2"},
	{Framework: check.FrameworkSOC2, ID: "CC6.1"},
	{Framework: check.FrameworkISO27001, ID: "A.5.17"},
}

var accessKeyInState = &check.Check{
	ID:       "AWS-IAM-016",
	Slug:     "aws-iam-access-key-secret-in-state",
	Title:    "IAM access key secret is stored in plain text in the Terraform state",
	Provider: "aws",
	Service:  "iam",
	Severity: check.Low,
	Description: "An aws_iam_access_key has no pgp_key, so Terraform writes the secret access key to its state in plain " +
		"text.",
	Rationale: "Everyone who can read the state file (its S3 bucket, CI logs, developers' machines) gets long-term " +
		"credentials of the user. Long-term access keys are better avoided altogether in favour of roles.",
	Remediation: check.Remediation{
		Text: "Prefer roles (IAM Identity Center, OIDC federation, instance profiles) to access keys. If a key is needed, set pgp_key so only the encrypted secret is stored, or create it outside Terraform.",
		Terraform: `resource "aws_iam_access_key" "ci" {
  user    = aws_iam_user.ci.name
  pgp_key = "keybase:security_team"
}`,
	},
	References: []string{
		"https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_access_key",
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
	},
	Compliance: credentialCompliance,
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, k := range in.AWS.IAM.AccessKeys {
			evalPGP(r, k.Resource, k.PGPKey, "Access key %s of user %s is stored unencrypted in the Terraform state.", k.Name, k.UserName)
		}
	},
}

var loginProfileInState = &check.Check{
	ID:       "AWS-IAM-017",
	Slug:     "aws-iam-login-password-in-state",
	Title:    "IAM user console password is stored in plain text in the Terraform state",
	Provider: "aws",
	Service:  "iam",
	Severity: check.Low,
	Description: "An aws_iam_user_login_profile has no pgp_key, so Terraform writes the generated console password to " +
		"its state in plain text.",
	Rationale: "Everyone who can read the state file can sign in to the console as the user until the password is " +
		"changed, which is never if the profile does not require a reset.",
	Remediation: check.Remediation{
		Text: "Set pgp_key so only the encrypted password is stored, and require a password reset at first sign-in; better, use IAM Identity Center for console access.",
		Terraform: `resource "aws_iam_user_login_profile" "alice" {
  user                    = aws_iam_user.alice.name
  pgp_key                 = "keybase:alice"
  password_reset_required = true
}`,
	},
	References: []string{
		"https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_user_login_profile",
	},
	Compliance: credentialCompliance,
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, p := range in.AWS.IAM.LoginProfiles {
			evalPGP(r, p.Resource, p.PGPKey, "Console password %s of user %s is stored unencrypted in the Terraform state.", p.Name, p.UserName)
		}
	},
}

// evalPGP fails res when no PGP key encrypts its secret in the state.
func evalPGP(r *check.Reporter, res model.Resource, pgp model.String, format, name string, user model.String) {
	u := "(unknown)"
	if v, ok := user.Get(); ok {
		u = v
	}
	switch {
	case pgp.Is(""):
		r.Fail(res, pgp.Origin, format, name, u)
	case pgp.Known():
		r.Pass(res)
	}
}
