package suppress_test

import (
	"fmt"
	"testing/fstest"
	"time"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/suppress"
)

func ExampleApply() {
	c := &check.Check{
		ID: "AWS-S3-001", Slug: "aws-s3-bucket-public-read", Title: "S3 bucket is publicly readable",
		Provider: "aws", Service: "s3", Severity: check.High,
		Description: "d", Rationale: "r", Remediation: check.Remediation{Text: "r"},
		Equivalents: check.Equivalents{AVD: []string{"AVD-AWS-0086"}},
		Evaluate:    func(*check.Input, *check.Reporter) {},
	}
	reg, err := check.NewRegistry(c)
	if err != nil {
		panic(err)
	}
	fsys := fstest.MapFS{"main.tf": {Data: []byte(`# vigil:ignore:AWS-S3-001 serves the public website
resource "aws_s3_bucket" "site" {
  acl = "public-read"
}
resource "aws_s3_bucket" "logs" {
  acl = "public-read" #trivy:ignore:AVD-AWS-0086
}
`)}}
	bucket := func(name string, start, at int) check.Finding {
		return check.Finding{
			Check: c, Status: check.Fail,
			Resource: model.Resource{ID: "aws_s3_bucket." + name, Origin: model.Origin{Range: model.Range{File: "main.tf", StartLine: start, EndLine: start + 2}}},
			Origin:   model.Origin{Range: model.Range{File: "main.tf", StartLine: at, EndLine: at}},
		}
	}
	findings := []check.Finding{bucket("site", 2, 3), bucket("logs", 5, 6)}

	diags := suppress.Apply(fsys, findings, reg, time.Now(), suppress.Options{Files: []string{"main.tf"}})

	for _, f := range findings {
		fmt.Printf("%s: %s (%s)\n", f.Resource.ID, f.Suppression.Justification, f.Suppression.Source)
	}
	fmt.Println(len(diags), "warnings")
	// Output:
	// aws_s3_bucket.site: serves the public website (main.tf:1)
	// aws_s3_bucket.logs: trivy:ignore:AVD-AWS-0086 (main.tf:6)
	// 0 warnings
}
