package iam

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

var passwordReferences = []string{
	"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
}

// passwordCompliance returns the controls shared by every password policy
// check, plus extra.
func passwordCompliance(extra ...check.Control) []check.Control {
	return append(extra,
		check.Control{Framework: check.FrameworkNIST80053, ID: "IA-5(1)"},
		check.Control{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		check.Control{Framework: check.FrameworkHIPAA, ID: "164.308(a)(5)(ii)(D)"},
		check.Control{Framework: check.FrameworkISO27001, ID: "A.5.17"},
	)
}

// passwordRule builds a check on one setting of the account password policy.
// fails returns the offending value and whether it breaks the rule.
func passwordRule(c *check.Check, fails func(*iam.PasswordPolicy) (model.Meta, bool, string)) *check.Check {
	c.Provider, c.Service = "aws", "iam"
	c.References = passwordReferences
	c.Evaluate = func(in *check.Input, r *check.Reporter) {
		for _, p := range in.AWS.IAM.PasswordPolicies {
			switch meta, failed, msg := fails(p); {
			case !meta.Known():
			case failed:
				r.Fail(p.Resource, meta.Origin, "Password policy %s %s.", p.Name, msg)
			default:
				r.Pass(p.Resource)
			}
		}
	}
	return c
}

const passwordPolicySnippet = `resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 14
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  password_reuse_prevention      = 24
  max_password_age               = 90
  allow_users_to_change_password = true
}`

var passwordMinLength = passwordRule(&check.Check{
	ID:          "AWS-IAM-001",
	Slug:        "aws-iam-password-policy-short-minimum-length",
	Title:       "IAM password policy allows passwords shorter than 14 characters",
	Severity:    check.Medium,
	Description: "The account password policy's minimum_password_length is below 14 (the provider's default is 6).",
	Rationale:   "Length is the main defence of a password against guessing and cracking; short console passwords of IAM users fall to offline cracking and password spraying.",
	Remediation: check.Remediation{Text: "Set minimum_password_length to 14 or more.", Terraform: passwordPolicySnippet},
	Compliance: passwordCompliance(
		check.Control{Framework: check.FrameworkCISAWS30, ID: "1.8"},
		check.Control{Framework: check.FrameworkPCIDSS40, ID: "8.3.6"},
	),
	Equivalents: check.Equivalents{AVD: []string{"AVD-AWS-0063"}, Tfsec: []string{"aws-iam-set-minimum-password-length"}, Checkov: []string{"CKV_AWS_10"}},
}, func(p *iam.PasswordPolicy) (model.Meta, bool, string) {
	return p.MinimumLength.Meta, p.MinimumLength.Val() < 14, "allows passwords shorter than 14 characters"
})

var passwordReuse = passwordRule(&check.Check{
	ID:          "AWS-IAM-002",
	Slug:        "aws-iam-password-policy-allows-reuse",
	Title:       "IAM password policy allows reuse of the last 24 passwords",
	Severity:    check.Medium,
	Description: "The account password policy's password_reuse_prevention is below 24, or not set.",
	Rationale:   "Users forced to change a password tend to cycle back to old ones; a leaked earlier password then works again.",
	Remediation: check.Remediation{Text: "Set password_reuse_prevention to 24.", Terraform: passwordPolicySnippet},
	Compliance: passwordCompliance(
		check.Control{Framework: check.FrameworkCISAWS30, ID: "1.9"},
		check.Control{Framework: check.FrameworkPCIDSS40, ID: "8.3.7"},
	),
	Equivalents: check.Equivalents{AVD: []string{"AVD-AWS-0056"}, Tfsec: []string{"aws-iam-no-password-reuse"}, Checkov: []string{"CKV_AWS_13"}},
}, func(p *iam.PasswordPolicy) (model.Meta, bool, string) {
	return p.ReusePrevention.Meta, p.ReusePrevention.Val() < 24, "does not prevent reuse of the last 24 passwords"
})

// complexityRule builds a check on one character-class requirement.
func complexityRule(id, slug, class, attr, avd, tfsec, checkov string, get func(*iam.PasswordPolicy) model.Bool) *check.Check {
	return passwordRule(&check.Check{
		ID:          id,
		Slug:        slug,
		Title:       "IAM password policy does not require " + class,
		Severity:    check.Low,
		Description: "The account password policy does not set " + attr + ".",
		Rationale: "Requiring several character classes widens the space an attacker must search for short passwords. " +
			"Length matters more (see AWS-IAM-001), but many compliance regimes still require composition rules.",
		Remediation: check.Remediation{Text: "Set " + attr + " to true.", Terraform: passwordPolicySnippet},
		Compliance:  passwordCompliance(check.Control{Framework: check.FrameworkPCIDSS40, ID: "8.3.6"}),
		Equivalents: check.Equivalents{AVD: []string{avd}, Tfsec: []string{tfsec}, Checkov: []string{checkov}},
	}, func(p *iam.PasswordPolicy) (model.Meta, bool, string) {
		v := get(p)
		return v.Meta, v.Is(false), "does not require " + class
	})
}

var passwordUppercase = complexityRule("AWS-IAM-003", "aws-iam-password-policy-no-uppercase",
	"uppercase letters", "require_uppercase_characters",
	"AVD-AWS-0061", "aws-iam-require-uppercase-in-passwords", "CKV_AWS_15",
	func(p *iam.PasswordPolicy) model.Bool { return p.RequireUppercase })

var passwordLowercase = complexityRule("AWS-IAM-004", "aws-iam-password-policy-no-lowercase",
	"lowercase letters", "require_lowercase_characters",
	"AVD-AWS-0058", "aws-iam-require-lowercase-in-passwords", "CKV_AWS_11",
	func(p *iam.PasswordPolicy) model.Bool { return p.RequireLowercase })

var passwordNumbers = complexityRule("AWS-IAM-005", "aws-iam-password-policy-no-numbers",
	"numbers", "require_numbers",
	"AVD-AWS-0059", "aws-iam-require-numbers-in-passwords", "CKV_AWS_12",
	func(p *iam.PasswordPolicy) model.Bool { return p.RequireNumbers })

var passwordSymbols = complexityRule("AWS-IAM-006", "aws-iam-password-policy-no-symbols",
	"symbols", "require_symbols",
	"AVD-AWS-0060", "aws-iam-require-symbols-in-passwords", "CKV_AWS_14",
	func(p *iam.PasswordPolicy) model.Bool { return p.RequireSymbols })

var passwordMaxAge = passwordRule(&check.Check{
	ID:          "AWS-IAM-007",
	Slug:        "aws-iam-password-policy-long-max-age",
	Title:       "IAM password policy lets passwords live longer than 90 days",
	Severity:    check.Low,
	Description: "The account password policy's max_password_age is not set (passwords never expire) or is above 90 days.",
	Rationale: "A password that never expires stays usable for as long as it is leaked. PCI DSS requires changing " +
		"passwords at least every 90 days where they are the only authentication factor.",
	Remediation: check.Remediation{
		Text:      "Set max_password_age to 90 or fewer days, or enforce MFA for every console user so passwords are not the only factor.",
		Terraform: passwordPolicySnippet,
	},
	Compliance:  passwordCompliance(check.Control{Framework: check.FrameworkPCIDSS40, ID: "8.3.9"}),
	Equivalents: check.Equivalents{AVD: []string{"AVD-AWS-0062"}, Tfsec: []string{"aws-iam-set-max-password-age"}, Checkov: []string{"CKV_AWS_9"}},
}, func(p *iam.PasswordPolicy) (model.Meta, bool, string) {
	age := p.MaxAgeDays.Val()
	if age == 0 {
		return p.MaxAgeDays.Meta, true, "never expires passwords"
	}
	return p.MaxAgeDays.Meta, age > 90, "lets passwords live longer than 90 days"
})
