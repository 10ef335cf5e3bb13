package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// The fixture checks cover every severity and the metadata the formats use:
// compliance, equivalents, a Terraform snippet, references.
var (
	chkPublicRead = &check.Check{
		ID: "AWS-S3-001", Slug: "aws-s3-bucket-public-read",
		Title:    "S3 bucket allows public read access",
		Provider: "aws", Service: "s3", Severity: check.Critical,
		Description: "The bucket's ACL or policy grants read access to everyone.",
		Rationale:   "Public buckets are the most common cause of cloud data leaks: anyone who guesses the name can list and download the objects.",
		Remediation: check.Remediation{
			Text: "Remove public grants and turn on S3 Block Public Access for the bucket.",
			Terraform: `resource "aws_s3_bucket_public_access_block" "example" {
  bucket                  = aws_s3_bucket.example.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
		},
		References: []string{"https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"},
		Compliance: []check.Control{
			{Framework: check.FrameworkCISAWS30, ID: "2.1.4"},
			{Framework: check.FrameworkNIST80053, ID: "AC-3"},
			{Framework: check.FrameworkPCIDSS40, ID: "1.4.1"},
		},
		Equivalents: check.Equivalents{AVD: []string{"AVD-AWS-0092"}, Tfsec: []string{"aws-s3-no-public-access-with-acl"}, Checkov: []string{"CKV_AWS_20"}},
	}
	chkIAMWildcard = &check.Check{
		ID: "AWS-IAM-002", Slug: "aws-iam-policy-wildcard-admin",
		Title:    "IAM policy allows all actions on all resources",
		Provider: "aws", Service: "iam", Severity: check.High,
		Description: "The policy has a statement with Action \"*\" and Resource \"*\".",
		Rationale:   "Full administrative access turns any compromise of the principal into a compromise of the account.",
		Remediation: check.Remediation{Text: "Grant only the actions and resources the workload needs."},
		References:  []string{"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"},
		Compliance:  []check.Control{{Framework: check.FrameworkCISAWS30, ID: "1.16"}},
	}
	chkVersioning = &check.Check{
		ID: "AWS-S3-003", Slug: "aws-s3-bucket-versioning-disabled",
		Title:    "S3 bucket versioning is not enabled",
		Provider: "aws", Service: "s3", Severity: check.Medium,
		Description: "The bucket keeps only the latest version of each object.",
		Rationale:   "Versioning lets you recover objects overwritten or deleted by mistake or by ransomware.",
		Remediation: check.Remediation{Text: "Enable versioning on the bucket."},
		Compliance:  []check.Control{{Framework: check.FrameworkNIST80053, ID: "CP-9"}},
		Equivalents: check.Equivalents{AVD: []string{"AVD-AWS-0090"}, Checkov: []string{"CKV_AWS_21"}},
	}
	chkSGDescription = &check.Check{
		ID: "AWS-EC2-004", Slug: "aws-ec2-security-group-no-description",
		Title:    "Security group has no description",
		Provider: "aws", Service: "ec2", Severity: check.Low,
		Description: "The security group's description is empty or the default.",
		Rationale:   "Descriptions tell reviewers what a group is for, so unused or over-broad rules get noticed.",
		Remediation: check.Remediation{Text: "Describe what the security group allows and why."},
	}
	chkTags = &check.Check{
		ID: "AWS-S3-010", Slug: "aws-s3-bucket-untagged",
		Title:    "S3 bucket has no owner tag",
		Provider: "aws", Service: "s3", Severity: check.Info,
		Description: "The bucket has no owner tag.",
		Rationale:   "Owner tags tell responders whom to call.",
		Remediation: check.Remediation{Text: "Add an owner tag."},
	}
)

var logsCall = []model.Call{{Name: "logs", Range: model.Range{File: "main.tf", StartLine: 3, StartCol: 1, EndLine: 8, EndCol: 2}}}

var logsBucket = model.Resource{
	ID: "module.logs.aws_s3_bucket.this", Type: "aws_s3_bucket", Name: "acme-logs",
	Origin: model.Origin{Range: model.Range{File: "modules/s3/main.tf", StartLine: 10, StartCol: 1, EndLine: 24, EndCol: 2}, Module: logsCall},
}

var dataBucket = model.Resource{
	ID: "aws_s3_bucket.data", Type: "aws_s3_bucket", Name: "acme-data",
	Origin: model.Origin{Range: model.Range{File: "main.tf", StartLine: 25, StartCol: 1, EndLine: 30, EndCol: 2}},
}

const sgARN = "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc1234def567890"

// fixture returns a fixed report: findings of every severity, one inside a
// module, one suppressed inline and one by config, passes, a live-ARN
// finding, and both kinds of diagnostic.
func fixture() *Report {
	findings := []check.Finding{
		{
			Check: chkPublicRead, Status: check.Fail, Resource: logsBucket,
			Origin:  model.Origin{Range: model.Range{File: "modules/s3/main.tf", StartLine: 12, StartCol: 3, EndLine: 12, EndCol: 22}, Module: logsCall},
			Message: "Bucket acme-logs grants READ to AllUsers through its ACL, so anyone on the internet can list and download every object in it.",
		},
		{
			Check: chkIAMWildcard, Status: check.Fail,
			Resource: model.Resource{ID: "aws_iam_policy.admin", Type: "aws_iam_policy", Name: "admin",
				Origin: model.Origin{Range: model.Range{File: "iam.tf", StartLine: 1, EndLine: 15}}},
			Origin:  model.Origin{Range: model.Range{File: "iam.tf", StartLine: 5, StartCol: 5, EndLine: 9, EndCol: 6}},
			Message: `Policy admin allows "*" on "*" & <everything>.`,
		},
		{
			Check: chkIAMWildcard, Status: check.Fail,
			Resource: model.Resource{ID: "aws_iam_policy.break_glass", Type: "aws_iam_policy", Name: "break-glass",
				Origin: model.Origin{Range: model.Range{File: "iam.tf", StartLine: 20, EndLine: 26}}},
			Origin:  model.Origin{Range: model.Range{File: "iam.tf", StartLine: 22, EndLine: 24}},
			Message: "Policy break-glass allows \"*\" on \"*\".",
			Suppression: &check.Suppression{
				Kind: check.External, Justification: "Break-glass role, reviewed quarterly",
				Source: model.Range{File: ".vigil.yaml", StartLine: 4},
			},
		},
		{
			Check: chkVersioning, Status: check.Fail, Resource: logsBucket,
			Origin:  model.Origin{Range: model.Range{File: "modules/s3/main.tf", StartLine: 10, EndLine: 24}, Module: logsCall},
			Message: "Bucket acme-logs does not have versioning enabled.",
			Suppression: &check.Suppression{
				Kind: check.InSource, Justification: "Access logs are write-once; versions add nothing",
				Source:  model.Range{File: "modules/s3/main.tf", StartLine: 9},
				Expires: time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC),
			},
		},
		{Check: chkVersioning, Status: check.Pass, Resource: dataBucket, Origin: dataBucket.Origin},
		{Check: chkTags, Status: check.Pass, Resource: dataBucket, Origin: dataBucket.Origin},
		{
			Check: chkSGDescription, Status: check.Fail,
			Resource: model.Resource{ID: sgARN, Type: "AWS::EC2::SecurityGroup", Name: "default",
				Origin: model.Origin{API: "ec2:DescribeSecurityGroups", ARN: sgARN}},
			Origin:  model.Origin{API: "ec2:DescribeSecurityGroups", ARN: sgARN},
			Message: "Security group default has the description \"default VPC security group\", which says nothing about its purpose.",
		},
	}
	check.SortFindings(findings)
	diags := model.Diagnostics{
		{Severity: model.DiagWarning, Summary: "Suppression for AWS-S3-009 expired on 2026-01-01", Range: model.Range{File: ".vigilignore", StartLine: 4}},
		{Severity: model.DiagError, Summary: "Unclosed configuration block",
			Detail: "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
			Range:  model.Range{File: "broken.tf", StartLine: 7, StartCol: 1}},
	}.Sort()
	return &Report{
		Tool:        Tool{Name: "vigil", Version: "v0.4.0", InformationURI: "https://github.com/vigil-sec/vigil"},
		Target:      "./infra",
		StartedAt:   time.Date(2026, 11, 22, 10, 30, 0, 0, time.UTC),
		Duration:    1234 * time.Millisecond,
		Checks:      []*check.Check{chkIAMWildcard, chkSGDescription, chkPublicRead, chkVersioning, chkTags},
		Findings:    findings,
		Diagnostics: diags,
		Incomplete:  true,
	}
}

// emptyFixture is a clean scan: checks ran, nothing failed.
func emptyFixture() *Report {
	r := fixture()
	r.Findings = slices.DeleteFunc(r.Findings, func(f check.Finding) bool { return f.Status == check.Fail })
	r.Diagnostics = nil
	r.Incomplete = false
	return r
}

func render(t testing.TB, format string, opts Options, r *Report) []byte {
	t.Helper()
	rd, err := New(format, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rd.Render(&buf, r); err != nil {
		t.Fatalf("render %s: %v", format, err)
	}
	return buf.Bytes()
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test ./internal/report/... -update to create it): %v", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got); run go test ./internal/report/... -update if the change is intended:\n%s", name, diff)
	}
}

func TestGolden(t *testing.T) {
	tests := []struct {
		golden string
		format string
		opts   Options
		report func() *Report
	}{
		{"table.golden", "table", Options{Width: 80}, fixture},
		{"table-passed.golden", "table", Options{Width: 80, ShowPassed: true}, fixture},
		{"table-color.golden", "table", Options{Width: 80, Color: true}, fixture},
		{"table-narrow.golden", "table", Options{Width: 50}, fixture},
		{"table-empty.golden", "table", Options{Width: 80}, emptyFixture},
		{"json.golden", "json", Options{}, fixture},
		{"json-passed.golden", "json", Options{ShowPassed: true}, fixture},
		{"sarif.golden", "sarif", Options{}, fixture},
		{"junit.golden", "junit", Options{}, fixture},
		{"csv.golden", "csv", Options{ShowPassed: true}, fixture},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			golden(t, tt.golden, render(t, tt.format, tt.opts, tt.report()))
		})
	}
}

func TestNew(t *testing.T) {
	if diff := cmp.Diff([]string{"table", "json", "sarif", "junit", "csv"}, Formats()); diff != "" {
		t.Errorf("Formats() (-want +got):\n%s", diff)
	}
	for _, name := range append(Formats(), "SARIF", "Table") {
		if r, err := New(name, Options{}); err != nil || r == nil {
			t.Errorf("New(%q) = %v, %v; want a renderer", name, r, err)
		}
	}
	_, err := New("xml", Options{})
	if err == nil {
		t.Fatal(`New("xml") succeeded; want an error`)
	}
	for _, name := range Formats() {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("New error %q does not list format %q", err, name)
		}
	}
}

// TestRenderWriteError checks every renderer reports a failing writer
// instead of claiming success with truncated output.
func TestRenderWriteError(t *testing.T) {
	for _, name := range Formats() {
		t.Run(name, func(t *testing.T) {
			rd, err := New(name, Options{ShowPassed: true})
			if err != nil {
				t.Fatal(err)
			}
			if err := rd.Render(failWriter{}, fixture()); err == nil {
				t.Error("Render to a failing writer returned nil")
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

// TestNoSecretValues guards the rule that renderers print only what checks
// wrote: resource tags (attribute values) must never reach any output.
func TestNoSecretValues(t *testing.T) {
	r := fixture()
	const secret = "hunter2-do-not-print"
	for i := range r.Findings {
		r.Findings[i].Resource.Tags = model.Map[string]{Entries: map[string]model.Value[string]{
			"api_token": model.Set(secret, r.Findings[i].Resource.Origin),
		}}
	}
	for _, name := range Formats() {
		if out := render(t, name, Options{ShowPassed: true}, r); bytes.Contains(out, []byte(secret)) {
			t.Errorf("%s output contains a resource attribute value", name)
		}
	}
}
