package app

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/check"
)

func testCheck(id, slug string, sev check.Severity, eq check.Equivalents, frameworks ...string) *check.Check {
	c := &check.Check{ID: id, Slug: slug, Title: "t", Provider: "aws", Service: "s3", Severity: sev,
		Description: "d", Rationale: "r", Remediation: check.Remediation{Text: "f"}, Equivalents: eq,
		Evaluate: func(*check.Input, *check.Reporter) {}}
	for _, f := range frameworks {
		c.Compliance = append(c.Compliance, check.Control{Framework: f, ID: "1"})
	}
	return c
}

func TestSelect(t *testing.T) {
	s3 := testCheck("AWS-S3-001", "aws-s3-bucket-public-read", check.High, check.Equivalents{Checkov: []string{"CKV_AWS_53"}}, check.FrameworkCISAWS30)
	s3b := testCheck("AWS-S3-002", "aws-s3-bucket-no-logging", check.Low, check.Equivalents{})
	iam := testCheck("AWS-IAM-001", "aws-iam-no-wildcard", check.Medium, check.Equivalents{Tfsec: []string{"aws-iam-no-policy-wildcards"}})
	iam.Service = "iam"
	reg, err := check.NewRegistry(s3, s3b, iam)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name    string
		sel     Selection
		want    []string
		wantErr bool
	}{
		{name: "everything", want: []string{"AWS-IAM-001", "AWS-S3-001", "AWS-S3-002"}},
		{name: "skip by another scanner's ID", sel: Selection{Skip: []string{"CKV_AWS_53"}}, want: []string{"AWS-IAM-001", "AWS-S3-002"}},
		{name: "glob", sel: Selection{Checks: []string{"AWS-S3-*"}}, want: []string{"AWS-S3-001", "AWS-S3-002"}},
		{name: "skip beats enable", sel: Selection{Checks: []string{"*"}, Skip: []string{"aws-iam-*"}}, want: []string{"AWS-S3-001", "AWS-S3-002"}},
		{name: "framework", sel: Selection{Frameworks: []string{check.FrameworkCISAWS30}}, want: []string{"AWS-S3-001"}},
		{name: "severity floor", sel: Selection{MinSeverity: check.Medium}, want: []string{"AWS-IAM-001", "AWS-S3-001"}},
		{name: "service", sel: Selection{Services: []string{"IAM"}}, want: []string{"AWS-IAM-001"}},
		{name: "typo is an error", sel: Selection{Skip: []string{"AWS-S3-01"}}, wantErr: true},
		{name: "unknown framework is an error", sel: Selection{Frameworks: []string{"cis-9"}}, wantErr: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Select(reg, tt.sel)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			var ids []string
			for _, c := range got {
				ids = append(ids, c.ID)
			}
			if diff := cmp.Diff(tt.want, ids); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
