package ecr

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/ecr"
)

var scanOnPush = &check.Check{
	ID:       "AWS-ECR-001",
	Slug:     "aws-ecr-image-scanning-disabled",
	Title:    "ECR repository does not scan images on push",
	Provider: "aws",
	Service:  "ecr",
	Severity: check.Medium,
	Description: "Images pushed to the repository are not scanned for vulnerabilities: scan on push is off and no registry " +
		"scanning rule declared in the configuration covers the repository.",
	Rationale: "Scanning on push reports known vulnerabilities in an image's operating-system and language packages before it is " +
		"deployed, so vulnerable images can be fixed or blocked instead of reaching production unnoticed.",
	Remediation: check.Remediation{
		Text: "Enable scan on push on the repository, or declare a registry scanning configuration (preferably ENHANCED, continuous) whose rules cover it.",
		Terraform: `resource "aws_ecr_repository" "example" {
  name = "example"
  image_scanning_configuration {
    scan_on_push = true
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html",
		"https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning-enhanced.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "RA-5"},
		{Framework: check.FrameworkNIST80053, ID: "SI-2"},
		{Framework: check.FrameworkPCIDSS40, ID: "6.3.1"},
		{Framework: check.FrameworkSOC2, ID: "CC7.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.8"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0030"},
		Tfsec:   []string{"aws-ecr-enable-image-scans"},
		Checkov: []string{"CKV_AWS_163"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, repo := range in.AWS.ECR.Repositories {
			evalScanOnPush(repo, in.AWS.ECR.Registries, r)
		}
	},
}

func evalScanOnPush(repo *ecr.Repository, registries []*ecr.Registry, r *check.Reporter) {
	if repo.ScanOnPush.Is(true) {
		r.Pass(repo.Resource)
		return
	}
	covered := registryCovers(registries, repo.RepositoryName)
	switch {
	case covered.Is(true):
		r.Pass(repo.Resource)
	case covered.Is(false) && repo.ScanOnPush.Is(false):
		r.Fail(repo.Resource, repo.ScanOnPush.Origin, "Repository %s does not scan images on push.", repo.Name)
	}
}

// registryCovers reports whether a declared registry scanning rule scans the
// repository on push or continuously. It is unknown when a rule or the
// repository's name could not be resolved.
func registryCovers(registries []*ecr.Registry, name model.String) model.Bool {
	known := true
	for _, reg := range registries {
		for _, rule := range reg.ScanRules {
			freq, ok := rule.Frequency.Get()
			if !ok {
				known = false
				continue
			}
			if freq != "SCAN_ON_PUSH" && freq != "CONTINUOUS_SCAN" {
				continue
			}
			if !rule.RepositoryFilters.Complete() || !name.Known() {
				known = false
				continue
			}
			for _, f := range rule.RepositoryFilters.Values() {
				if wildcardMatch(f, name.Val()) {
					return model.Set(true, rule.RepositoryFilters.Origin)
				}
			}
		}
	}
	if !known {
		return model.Unresolved[bool](name.Origin)
	}
	return model.Default(false, name.Origin)
}

// wildcardMatch matches an ECR repository filter, where * stands for any
// run of characters, against a repository name.
func wildcardMatch(pattern, name string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == name
	}
	if !strings.HasPrefix(name, parts[0]) {
		return false
	}
	name = name[len(parts[0]):]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(name, p)
		if i < 0 {
			return false
		}
		name = name[i+len(p):]
	}
	return strings.HasSuffix(name, parts[len(parts)-1])
}
