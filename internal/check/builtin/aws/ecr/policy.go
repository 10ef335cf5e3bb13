package ecr

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/ecr"
)

var publicPolicy = &check.Check{
	ID:       "AWS-ECR-004",
	Slug:     "aws-ecr-repository-policy-public",
	Title:    "ECR repository policy allows access to everyone",
	Provider: "aws",
	Service:  "ecr",
	Severity: check.Critical,
	Description: "The repository policy has an Allow statement for the principal \"*\" without a condition restricting the caller " +
		"to an account, organization or source.",
	Rationale: "Anyone with an AWS account can then pull the repository's images, which often embed proprietary code, configuration " +
		"and secrets; if the statement allows ecr:PutImage or similar, anyone can also replace them with malicious images.",
	Remediation: check.Remediation{
		Text: "Name the accounts or roles that need access in the policy's principals, or restrict \"*\" with an aws:PrincipalOrgID condition.",
		Terraform: `resource "aws_ecr_repository_policy" "example" {
  repository = aws_ecr_repository.example.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "OrgPull"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-exampleorgid" } }
    }]
  })
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html",
		"https://docs.aws.amazon.com/AmazonECR/latest/userguide/security_iam_service-with-iam.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "AC-21"},
		{Framework: check.FrameworkPCIDSS40, ID: "7.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.6"},
		{Framework: check.FrameworkISO27001, ID: "A.8.3"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0032"},
		Tfsec:   []string{"aws-ecr-no-public-access"},
		Checkov: []string{"CKV_AWS_32"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, repo := range in.AWS.ECR.Repositories {
			evalPublicPolicy(repo, r)
		}
	},
}

// evalPublicPolicy fails a repository on the first public statement of its
// policy that no Deny of the policy takes back. A repository without a
// policy passes; unknown items that might make a statement public, or a
// Deny take a grant back, leave it unjudged.
func evalPublicPolicy(repo *ecr.Repository, r *check.Reporter) {
	p := repo.Policy
	if p.Raw.Is("") {
		r.Pass(repo.Resource)
		return
	}
	if !p.Known() {
		return
	}
	grants, undecided := p.PublicGrants()
	switch {
	case len(grants) > 0:
		g := grants[0]
		r.Fail(repo.Resource, g.Statement.Origin, "Repository %s has a policy that allows access to everyone (statement %d).", repo.Name, g.Index+1)
	case !undecided:
		r.Pass(repo.Resource)
	}
}
