package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/config"
	"github.com/vigil-sec/vigil/internal/report"
)

// run executes the CLI in-process and returns the exit code and streams.
func run(t *testing.T, env []string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), args, IO{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Env: env})
	return code, stdout.String(), stderr.String()
}

// writeTree writes files (slash paths) under a new temporary directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const unversioned = `resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = var.status
  }
}

variable "status" {
  default = "Suspended"
}
`

func TestScanExitCodes(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": unversioned, "broken/main.tf": "resource \"aws_s3_bucket\" {\n"})
	clean := writeTree(t, map[string]string{"main.tf": "variable \"x\" {}\n"})
	for _, tt := range []struct {
		name string
		args []string
		want int
	}{
		{"findings fail by default", []string{"scan", dir, "--check", "AWS-S3-003", "--allow-partial"}, ExitFindings},
		{"fail-on above the finding's severity", []string{"scan", dir, "--check", "AWS-S3-003", "--allow-partial", "--fail-on", "high"}, ExitOK},
		{"soft fail", []string{"scan", dir, "--check", "AWS-S3-003", "--allow-partial", "--soft-fail"}, ExitOK},
		{"a file that does not parse makes the scan incomplete", []string{"scan", dir, "--check", "AWS-S3-003"}, ExitIncomplete},
		{"variable override fixes it", []string{"scan", dir, "--check", "AWS-S3-003", "--allow-partial", "--var", "status=Enabled"}, ExitOK},
		{"clean tree", []string{"scan", clean}, ExitOK},
		{"unknown format", []string{"scan", clean, "--format", "pdf"}, ExitUsage},
		{"bad severity", []string{"scan", clean, "--fail-on", "urgent"}, ExitUsage},
		{"unknown check", []string{"scan", clean, "--check", "AWS-NOPE-001"}, ExitUsage},
		{"unknown flag", []string{"scan", clean, "--nope"}, ExitUsage},
		{"missing target", []string{"scan", filepath.Join(clean, "nope")}, ExitUsage},
		{"two formats on stdout", []string{"scan", clean, "--format", "json", "--format", "csv"}, ExitUsage},
		{"bad var", []string{"scan", clean, "--var", "novalue"}, ExitUsage},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, nil, tt.args...)
			if code != tt.want {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.want, stdout, stderr)
			}
		})
	}
}

func TestScanOutputs(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": unversioned})
	out := t.TempDir()
	sarif, js := filepath.Join(out, "v.sarif"), filepath.Join(out, "v.json")
	code, stdout, stderr := run(t, nil, "scan", dir, "--check", "AWS-S3-003",
		"--format", "table", "--format", "sarif", "--format", "json",
		"--output", "-", "--output", sarif, "--output", js)
	if code != ExitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "AWS-S3-003") || !strings.Contains(stdout, "main.tf:8") {
		t.Errorf("table on stdout lacks the finding at main.tf:8:\n%s", stdout)
	}
	var doc struct {
		Results []struct {
			CheckID  string `json:"check_id"`
			Location struct {
				File      string `json:"file"`
				StartLine int    `json:"start_line"`
			} `json:"location"`
		} `json:"results"`
	}
	data, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Results) != 1 || doc.Results[0].CheckID != "AWS-S3-003" || doc.Results[0].Location.StartLine != 8 {
		t.Errorf("json results = %+v", doc.Results)
	}
	if !strings.HasSuffix(doc.Results[0].Location.File, "main.tf") {
		t.Errorf("json file = %q", doc.Results[0].Location.File)
	}
	if data, err := os.ReadFile(sarif); err != nil || !bytes.Contains(data, []byte(`"ruleId": "AWS-S3-003"`)) {
		t.Errorf("sarif output missing the result: %v\n%s", err, data)
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": unversioned})
	base := filepath.Join(t.TempDir(), "baseline.json")
	if code, _, stderr := run(t, nil, "baseline", "create", dir, "--output", base); code != ExitOK {
		t.Fatalf("baseline create exit %d: %s", code, stderr)
	}
	code, stdout, stderr := run(t, nil, "scan", dir, "--baseline", base)
	if code != ExitOK {
		t.Fatalf("scan with baseline exit %d, want 0 (everything is known)\n%s\n%s", code, stdout, stderr)
	}
	// A new problem is still reported.
	if err := os.WriteFile(filepath.Join(dir, "new.tf"), []byte("resource \"aws_s3_bucket\" \"new\" {\n  bucket = \"example-new\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, _ := run(t, nil, "scan", dir, "--baseline", base, "--check", "AWS-S3-003"); code != ExitFindings || !strings.Contains(stdout, "new.tf") {
		t.Errorf("new finding not reported (exit %d):\n%s", code, stdout)
	}
	if code, _, _ := run(t, nil, "scan", dir, "--baseline", filepath.Join(dir, "main.tf")); code != ExitUsage {
		t.Errorf("a malformed baseline must be a usage error, got %d", code)
	}
}

func TestConfigPrecedence(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf":     unversioned,
		".git/HEAD":   "ref: refs/heads/main\n",
		".vigil.yaml": "fail-on: critical\nchecks:\n  - AWS-S3-003\n",
	})
	if code, _, stderr := run(t, nil, "scan", dir); code != ExitOK {
		t.Errorf("config fail-on critical: exit %d, want 0\n%s", code, stderr)
	}
	if code, _, _ := run(t, []string{"VIGIL_FAIL_ON=medium"}, "scan", dir); code != ExitFindings {
		t.Errorf("env beats the file: exit %d, want 1", code)
	}
	if code, _, _ := run(t, []string{"VIGIL_FAIL_ON=medium"}, "scan", dir, "--fail-on", "critical"); code != ExitOK {
		t.Errorf("flag beats env: exit %d, want 0", code)
	}
	code, stdout, _ := run(t, nil, "config", "show", dir)
	if code != ExitOK || !strings.Contains(stdout, "fail-on: CRITICAL") && !strings.Contains(stdout, "fail-on: critical") {
		t.Errorf("config show (exit %d):\n%s", code, stdout)
	}
	bad := writeTree(t, map[string]string{".git/HEAD": "x", ".vigil.yaml": "fail-onn: high\n", "main.tf": ""})
	if code, _, stderr := run(t, nil, "scan", bad); code != ExitUsage || !strings.Contains(stderr, ".vigil.yaml:1") {
		t.Errorf("unknown config key: exit %d, stderr %q", code, stderr)
	}
}

func TestChecksCommands(t *testing.T) {
	code, stdout, _ := run(t, nil, "checks", "list", "--provider", "aws", "--framework", "cis-aws-3.0")
	if code != ExitOK || !strings.Contains(stdout, "checks") {
		t.Fatalf("checks list exit %d:\n%s", code, stdout)
	}
	code, stdout, _ = run(t, nil, "checks", "show", "AWS-S3-003")
	for _, want := range []string{"AWS-S3-003", "versioning", "aws_s3_bucket_versioning", "CKV_AWS_21", "vigil:ignore:AWS-S3-003"} {
		if code != ExitOK || !strings.Contains(stdout, want) {
			t.Errorf("checks show lacks %q (exit %d):\n%s", want, code, stdout)
		}
	}
	if code, _, _ := run(t, nil, "checks", "show", "CKV_AWS_21"); code != ExitOK {
		t.Errorf("checks show by Checkov ID: exit %d", code)
	}
	if code, _, _ := run(t, nil, "checks", "show", "AWS-NOPE-001"); code != ExitUsage {
		t.Errorf("unknown check: exit %d, want %d", code, ExitUsage)
	}
	var list []map[string]any
	_, stdout, _ = run(t, nil, "checks", "list", "--format", "json")
	if err := json.Unmarshal([]byte(stdout), &list); err != nil || len(list) == 0 {
		t.Errorf("checks list json: %v", err)
	}
}

// The config file validates format names without importing report; keep the
// two lists the same.
func TestFormatsAgree(t *testing.T) {
	if diff := cmp.Diff(report.Formats(), config.Formats); diff != "" {
		t.Errorf("config.Formats and report.Formats() differ (-report +config):\n%s", diff)
	}
}
