package ssm

import "github.com/vigil-sec/vigil/internal/check"

var publicDocument = &check.Check{
	ID:          "AWS-SSM-003",
	Slug:        "aws-ssm-document-public",
	Title:       "SSM document is shared publicly",
	Provider:    "aws",
	Service:     "ssm",
	Severity:    check.High,
	Description: "The document's permissions share it with account_ids \"All\": every AWS account can see and run it.",
	Rationale: "Public documents regularly leak internal host names, script logic, S3 paths and embedded credentials, and " +
		"tell attackers how the environment is operated. Anyone can also copy and run them in their own accounts.",
	Remediation: check.Remediation{
		Text: "Share the document only with the accounts that need it, and turn on the account's block public sharing setting for SSM documents.",
		Terraform: `resource "aws_ssm_document" "example" {
  name          = "example"
  document_type = "Command"
  content       = file("${path.module}/example.json")
  permissions = {
    type        = "Share"
    account_ids = "111122223333"
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html",
		"https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html#block-public-access",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "AC-21"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.3"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, d := range in.AWS.SSM.Documents {
			if v, ok := d.SharedWith.Any(func(id string) bool { return id == "All" || id == "all" }); ok {
				r.Fail(d.Resource, v.Origin, "Document %s is shared with every AWS account.", d.Name)
				continue
			}
			if d.SharedWith.Complete() {
				r.Pass(d.Resource)
			}
		}
	},
}
