package securityhub

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the Security Hub checks.
func Checks() []*check.Check {
	return []*check.Check{
		autoEnableControls,
	}
}

var autoEnableControls = &check.Check{
	ID:          "AWS-SECURITYHUB-001",
	Slug:        "aws-securityhub-auto-enable-controls-disabled",
	Title:       "Security Hub does not enable new controls automatically",
	Provider:    "aws",
	Service:     "securityhub",
	Severity:    check.Low,
	Description: "Controls that AWS adds to the standards the account subscribes to stay disabled until someone enables them.",
	Rationale:   "AWS adds controls as services and attack techniques appear; with automatic enabling off, the account's posture checks silently fall behind the standards it claims to follow.",
	Remediation: check.Remediation{
		Text: "Enable new controls of subscribed standards automatically, and disable individual controls explicitly where they do not apply.",
		Terraform: `resource "aws_securityhub_account" "example" {
  auto_enable_controls = true
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/securityhub/latest/userguide/controls-auto-enable.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "CA-7"},
		{Framework: check.FrameworkSOC2, ID: "CC7.1"},
		{Framework: check.FrameworkISO27001, ID: "A.5.36"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, a := range in.AWS.SecurityHub.Accounts {
			r.Judge(a.Resource, a.AutoEnableControls, false, "Security Hub account %s does not enable new controls automatically.", a.Name)
		}
	},
}
