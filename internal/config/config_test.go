package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
)

func date(s string) time.Time {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

const fullConfig = `# Vigil settings for this repository.
severity: medium
fail-on: HIGH
checks: [AWS-S3-*, aws-iam-*]
skip-checks: AWS-S3-004
frameworks:
  - cis-aws-3.0
format:
  - table
  - format: SARIF
    output: vigil.sarif
var-files: [prod.tfvars]
vars:
  region: eu-west-1
  replicas: 3
baseline: .vigil-baseline.json
exclude-paths:
  - "**/testdata/**"
ignore:
  - id: AWS-S3-001
    paths: ["sites/**"]
    reason: static website buckets are public by design
    expires: 2026-12-31
  - id: CKV_AWS_21
    resources: [aws_s3_bucket.logs_*]
    reason: log buckets are write-once
no-color: true
quiet: false
`

func TestParse(t *testing.T) {
	got, err := Parse("repo/.vigil.yaml", []byte(fullConfig))
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		Severity:     check.Medium,
		FailOn:       check.High,
		Checks:       []string{"AWS-S3-*", "aws-iam-*"},
		SkipChecks:   []string{"AWS-S3-004"},
		Frameworks:   []string{"cis-aws-3.0"},
		Outputs:      []Output{{Format: "table"}, {Format: "sarif", Path: "vigil.sarif"}},
		VarFiles:     []string{"prod.tfvars"},
		Vars:         map[string]string{"region": "eu-west-1", "replicas": "3"},
		Baseline:     ".vigil-baseline.json",
		ExcludePaths: []string{"**/testdata/**"},
		Ignore: []Ignore{
			{ID: "AWS-S3-001", Paths: []string{"sites/**"}, Reason: "static website buckets are public by design", Expires: date("2026-12-31"),
				Source: model.Range{File: "repo/.vigil.yaml", StartLine: 20, StartCol: 5, EndLine: 20}},
			{ID: "CKV_AWS_21", Resources: []string{"aws_s3_bucket.logs_*"}, Reason: "log buckets are write-once",
				Source: model.Range{File: "repo/.vigil.yaml", StartLine: 24, StartCol: 5, EndLine: 24}},
		},
		NoColor: true,
		Path:    "repo/.vigil.yaml",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parse (-want +got):\n%s", diff)
	}
}

func TestParseDefaults(t *testing.T) {
	for _, src := range []string{"", "# only a comment\n", "~\n", "severity:\n"} {
		got, err := Parse("c.yaml", []byte(src))
		if err != nil {
			t.Fatalf("Parse(%q): %v", src, err)
		}
		want := Default()
		want.Path = "c.yaml"
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Parse(%q) (-want +got):\n%s", src, diff)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // one line per problem
	}{
		{"unknown key with suggestion", "severty: high\n",
			[]string{`c.yaml:1:1: unknown key "severty" (did you mean "severity"?)`}},
		{"unknown key without suggestion", "quiet: true\ncolour_mode: dark\n",
			[]string{`c.yaml:2:1: unknown key "colour_mode"; known keys: baseline, checks, exclude-paths, fail-on, format, frameworks, ignore, no-color, quiet, severity, skip-checks, var-files, vars`}},
		{"unknown key in an ignore entry", "ignore:\n  - id: AWS-S3-001\n    reason: x\n    path: [a]\n",
			[]string{`c.yaml:4:5: unknown key "ignore[].path" (did you mean "paths"?)`}},
		{"several problems at once", "severity: urgent\nfail-on: [high]\nformat: sarf\nframeworks: [cis]\n",
			[]string{
				`c.yaml:1:11: severity: unknown severity "urgent"; want one of info, low, medium, high, critical`,
				`c.yaml:2:10: fail-on: want a string, got a list`,
				`c.yaml:3:9: format: unknown format "sarf" (did you mean "sarif"?)`,
				`c.yaml:4:14: frameworks: unknown framework "cis"; want one of cis-aws-3.0, nist-800-53-r5, pci-dss-4.0, soc2, hipaa, iso-27001-2022`,
			}},
		{"bad date and missing fields", "ignore:\n  - id: AWS-S3-001\n    expires: 2026-02-30\n    reason: r\n  - paths: [a]\n",
			[]string{
				`c.yaml:3:14: ignore[].expires: invalid date "2026-02-30"; want YYYY-MM-DD`,
				`c.yaml:5:5: ignore[]: id is required`,
				`c.yaml:5:5: ignore[]: reason is required`,
			}},
		{"two outputs on stdout", "format: [json, sarif]\n",
			[]string{`c.yaml:1:9: format: json, sarif all write to stdout; give all but one an output file`}},
		{"duplicate key", "quiet: true\nquiet: false\n", []string{`c.yaml:2:1: duplicate key "quiet"`}},
		{"bad bool", "no-color: maybe\n", []string{`c.yaml:1:11: no-color: want true or false, got "maybe"`}},
		{"not a mapping", "- severity\n", []string{`c.yaml:1:1: want a mapping of settings, got a list`}},
		{"structured var", "vars:\n  azs: [a, b]\n", []string{`c.yaml:2:8: vars.azs: want a string; write lists and maps in Terraform syntax, quoted`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.src))
			if err == nil {
				t.Fatal("Parse succeeded, want an error")
			}
			msg, ok := strings.CutPrefix(err.Error(), "load config: ")
			if !ok {
				t.Errorf("error %q does not start with %q", err, "load config: ")
			}
			if diff := cmp.Diff(tt.want, strings.Split(msg, "\n")); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if e, ok := errors.AsType[*Error](err); !ok || e.File != "c.yaml" || e.Line == 0 {
				t.Errorf("errors.AsType[*Error] = %+v, %v; want a located error", e, ok)
			}
		})
	}
}

func TestParseSyntaxError(t *testing.T) {
	_, err := Parse("c.yaml", []byte("severity: [high\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "load config c.yaml: yaml: line") {
		t.Errorf("error = %v, want a YAML syntax error naming the file and line", err)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ".vigil.yaml")
	if err := os.WriteFile(path, []byte("severity: high\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.Severity != check.High || c.Path != path || c.Dir() != dir {
		t.Errorf("Load = %+v, want severity HIGH from %s", c, path)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("Load(missing) error = %v, want one naming the file", err)
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	for name, src := range map[string]string{"full": fullConfig, "defaults": ""} {
		t.Run(name, func(t *testing.T) {
			c, err := Parse("a.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			out, err := c.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			back, err := Parse("a.yaml", out)
			if err != nil {
				t.Fatalf("Parse(Marshal()) = %v; output:\n%s", err, out)
			}
			// Ranges point into the original file; everything else must survive.
			for i := range c.Ignore {
				c.Ignore[i].Source, back.Ignore[i].Source = model.Range{}, model.Range{}
			}
			if diff := cmp.Diff(c, back); diff != "" {
				t.Errorf("round trip (-want +got):\n%s\noutput:\n%s", diff, out)
			}
		})
	}
	out, err := Default().Marshal()
	if err != nil {
		t.Fatal(err)
	}
	want := "severity: info\nfail-on: low\nformat:\n  - format: table\nno-color: false\nquiet: false\n"
	if diff := cmp.Diff(want, string(out)); diff != "" {
		t.Errorf("Marshal(Default()) (-want +got):\n%s", diff)
	}
}

func TestApplyEnv(t *testing.T) {
	c := Default()
	err := c.ApplyEnv([]string{
		"HOME=/root",
		"VIGIL_SEVERITY=high",
		"VIGIL_FAIL_ON=Critical",
		"VIGIL_FORMAT=table, sarif=out.sarif,json=out.json",
		"VIGIL_SKIP_CHECKS=AWS-S3-001,,CKV_AWS_21 ",
		"VIGIL_FRAMEWORKS=pci-dss-4.0",
		"VIGIL_BASELINE=base.json",
		"VIGIL_QUIET=1",
		"VIGIL_CHECKS=", // empty counts as unset
		"VIGIL_SERVER_ADDR=:8080",
		"NO_COLOR=anything",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		Severity:   check.High,
		FailOn:     check.Critical,
		Outputs:    []Output{{Format: "table"}, {Format: "sarif", Path: "out.sarif"}, {Format: "json", Path: "out.json"}},
		SkipChecks: []string{"AWS-S3-001", "CKV_AWS_21"},
		Frameworks: []string{"pci-dss-4.0"},
		Baseline:   "base.json",
		Quiet:      true,
		NoColor:    true,
	}
	if diff := cmp.Diff(want, c); diff != "" {
		t.Errorf("ApplyEnv (-want +got):\n%s", diff)
	}
}

func TestApplyEnvErrors(t *testing.T) {
	c := Default()
	err := c.ApplyEnv([]string{"VIGIL_SEVERITY=urgent", "VIGIL_FORMAT=json,sarif", "VIGIL_QUIET=sometimes"})
	want := "apply environment: VIGIL_SEVERITY: unknown severity \"urgent\"; want one of info, low, medium, high, critical\n" +
		"VIGIL_FORMAT: json, sarif all write to stdout; give all but one an output file\n" +
		"VIGIL_QUIET: want true or false, got \"sometimes\""
	if err == nil || err.Error() != want {
		t.Errorf("ApplyEnv error =\n%v\nwant\n%s", err, want)
	}
	if diff := cmp.Diff(Default(), c); diff != "" {
		t.Errorf("bad values changed the config (-want +got):\n%s", diff)
	}
}

func TestDiscover(t *testing.T) {
	root := t.TempDir()
	write := func(rel string) string {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("quiet: true\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	mkdir := func(rel string) string {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// outside/ has a config but sits above the repository root, so it must
	// never be picked up.
	write("outside/.vigil.yaml")
	mkdir("outside/repo/.git")
	repoCfg := write("outside/repo/.vigil.yaml")
	nearCfg := write("outside/repo/infra/.vigil.yml")
	deep := mkdir("outside/repo/infra/prod/eu")
	tfFile := write("outside/repo/infra/prod/main.tf")
	write("outside/norepo/a/placeholder")
	mkdir("outside/bare/.git") // a repository with no config
	write("outside/both/.vigil.yaml")
	write("outside/both/.vigil.yml")
	mkdir("outside/both/.git")
	xdg := mkdir("xdg")
	t.Setenv("XDG_CONFIG_HOME", xdg)

	tests := []struct {
		name, start, want, wantErr string
	}{
		{name: "nearest parent wins", start: deep, want: nearCfg},
		{name: "a file's directory", start: tfFile, want: nearCfg},
		{name: "repository root", start: filepath.Join(root, "outside/repo"), want: repoCfg},
		{name: "stops at the repository root", start: filepath.Join(root, "outside/bare")},
		{name: "both spellings", start: filepath.Join(root, "outside/both"), wantErr: "both"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Discover(tt.start)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Discover error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Discover(%s) = %q, %v; want %q", tt.start, got, err, tt.want)
			}
		})
	}

	t.Run("user config as the last fallback", func(t *testing.T) {
		userCfg := write("xdg/vigil/config.yaml")
		got, err := Discover(filepath.Join(root, "outside/bare"))
		if err != nil || got != userCfg {
			t.Errorf("Discover = %q, %v; want %q", got, err, userCfg)
		}
		// A repository's own config still beats it.
		if got, _ := Discover(deep); got != nearCfg {
			t.Errorf("Discover(deep) = %q, want %q", got, nearCfg)
		}
	})
}

func TestMatchPath(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"modules/legacy", "modules/legacy/main.tf", true},
		{"modules/legacy/", "modules/legacy/sub/x.tf", true},
		{"modules/legacy", "modules/legacy2/main.tf", false},
		{"*.tftest.hcl", "a/b/c.tftest.hcl", true},
		{"*.tf", "main.tf", true},
		{"**/testdata/**", "a/testdata/x/y.tf", true},
		{"**/testdata/**", "testdata/y.tf", true},
		{"infra/*/main.tf", "infra/prod/main.tf", true},
		{"infra/*/main.tf", "infra/prod/eu/main.tf", false},
		{"infra/**/main.tf", "infra/prod/eu/main.tf", true},
		{"./infra/?rod", "infra/prod/main.tf", true},
		{"infra/[a]", "infra/[a]/x.tf", true}, // no character classes: "[" is literal
		{"", "main.tf", false},
	}
	for _, tt := range tests {
		if got := MatchPath(tt.pattern, tt.name); got != tt.want {
			t.Errorf("MatchPath(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
}

func TestMatchResource(t *testing.T) {
	for _, tt := range []struct {
		pattern, id string
		want        bool
	}{
		{"module.logs.*", `module.logs.aws_s3_bucket.this["eu"]`, true},
		{"aws_s3_bucket.logs_*", "aws_s3_bucket.logs_eu", true},
		{"aws_s3_bucket.logs_*", "aws_s3_bucket.data", false},
		{"aws_s3_bucket.Logs", "aws_s3_bucket.logs", false},
		{"arn:aws:s3:::logs-*", "arn:aws:s3:::logs-2026", true},
		{"", "x", false},
		{"aws_s3_bucket.logs", "envs/prod:aws_s3_bucket.logs", true},
		{"envs/prod:*", "envs/prod:aws_s3_bucket.logs", true},
		{"envs/dev:*", "envs/prod:aws_s3_bucket.logs", false},
		{"s3:::logs", "arn:aws:s3:::logs", false},
	} {
		if got := MatchResource(tt.pattern, tt.id); got != tt.want {
			t.Errorf("MatchResource(%q, %q) = %v, want %v", tt.pattern, tt.id, got, tt.want)
		}
	}
}

func TestBaseAndExcluded(t *testing.T) {
	root := t.TempDir()
	c := &Config{Path: filepath.Join(root, ".vigil.yaml"), ExcludePaths: []string{"infra/legacy", "*.tftest.hcl"}}
	for _, tt := range []struct{ scanRoot, want string }{
		{root, ""},
		{filepath.Join(root, "infra"), "infra"},
		{filepath.Join(root, "infra", "prod"), "infra/prod"},
		{filepath.Dir(root), ""}, // config below the scan root: not its ancestry
	} {
		if got := c.Base(tt.scanRoot); got != tt.want {
			t.Errorf("Base(%s) = %q, want %q", tt.scanRoot, got, tt.want)
		}
	}
	if got := (&Config{}).Base(root); got != "" {
		t.Errorf("Base without a file = %q, want \"\"", got)
	}
	for _, tt := range []struct {
		base, file string
		want       bool
	}{
		{"infra", "legacy/main.tf", true},
		{"", "infra/legacy/main.tf", true},
		{"infra", "prod/main.tf", false},
		{"infra", "prod/s3.tftest.hcl", true},
	} {
		if got := c.Excluded(tt.base, tt.file); got != tt.want {
			t.Errorf("Excluded(%q, %q) = %v, want %v", tt.base, tt.file, got, tt.want)
		}
	}
}
