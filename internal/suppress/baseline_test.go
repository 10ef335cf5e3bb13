package suppress

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/vigil-sec/vigil/internal/check"
)

func TestBaselineRoundTrip(t *testing.T) {
	muted := fail(s3Public, "aws_s3_bucket.muted", "main.tf", 1, 3, 2)
	muted.Suppression = &check.Suppression{Kind: check.InSource, Justification: "x"}
	findings := []check.Finding{
		fail(sgOpen, "aws_security_group.web", "web.tf", 1, 9, 4),
		fail(s3Public, "module.logs.aws_s3_bucket.this", "modules/logs/main.tf", 1, 3, 2),
		fail(s3Public, "module.logs.aws_s3_bucket.this", "modules/logs/main.tf", 1, 3, 3), // same fingerprint
		pass(fail(s3Versioning, "aws_s3_bucket.ok", "main.tf", 5, 9, 6)),
		muted,
	}
	now := time.Date(2026, 6, 15, 12, 30, 45, 123, time.FixedZone("CEST", 2*3600))
	b := NewBaseline(findings, now, "v1.2.3")
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	want := `{
  "schema_version": "1",
  "created_at": "2026-06-15T10:30:45Z",
  "tool_version": "v1.2.3",
  "findings": [
    {
      "fingerprint": "` + findings[3-2].Fingerprint() + `",
      "check_id": "AWS-S3-001",
      "resource_id": "module.logs.aws_s3_bucket.this",
      "file": "modules/logs/main.tf"
    },
    {
      "fingerprint": "` + findings[0].Fingerprint() + `",
      "check_id": "AWS-EC2-001",
      "resource_id": "aws_security_group.web",
      "file": "web.tf"
    }
  ]
}
`
	// Entries sort by check ID: AWS-EC2-001 before AWS-S3-001.
	want = swapEntries(want)
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("written baseline (-want +got):\n%s", diff)
	}
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := LoadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	b.Path = path
	if diff := cmp.Diff(b, got, cmpopts.IgnoreUnexported(Baseline{})); diff != "" {
		t.Errorf("loaded baseline (-want +got):\n%s", diff)
	}
	for i, f := range findings {
		wantHas := i <= 2
		if got.Has(f.Fingerprint()) != wantHas {
			t.Errorf("Has(finding %d %s) = %v, want %v", i, f.Resource.ID, !wantHas, wantHas)
		}
	}
	var nilBase *Baseline
	if nilBase.Has(findings[0].Fingerprint()) {
		t.Error("a nil baseline has a finding")
	}
}

// swapEntries moves the second finding object before the first.
func swapEntries(s string) string {
	head, rest, _ := strings.Cut(s, "\"findings\": [\n")
	first, second, _ := strings.Cut(rest, "    },\n")
	second, tail, _ := strings.Cut(second, "    }\n")
	return head + "\"findings\": [\n" + second + "    },\n" + first + "    }\n" + tail
}

func TestBaselineEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := NewBaseline(nil, time.Unix(0, 0), "dev").Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"findings": []`) {
		t.Errorf("empty baseline should list no findings as [], got:\n%s", buf.String())
	}
}

func TestLoadBaselineErrors(t *testing.T) {
	fp := strings.Repeat("ab", 16)
	tests := []struct {
		name, content, want string
	}{
		{"not JSON", `{"schema_version": "1",`, "unexpected EOF"},
		{"no version", `{"findings": []}`, "missing schema_version"},
		{"newer version", `{"schema_version": "2", "findings": []}`, `unsupported schema_version "2"; this Vigil reads "1"`},
		{"unknown field", `{"schema_version": "1", "findings": [], "extra": 1}`, `unknown field "extra"`},
		{"bad fingerprint", `{"schema_version": "1", "findings": [{"fingerprint": "xyz", "check_id": "A"}]}`, `findings[0]: fingerprint "xyz" is not 32 hex digits`},
		{"wrong type", `{"schema_version": "1", "findings": [{"fingerprint": 1}]}`, "cannot unmarshal number"},
		{"trailing data", `{"schema_version": "1", "findings": [{"fingerprint": "` + fp + `"}]} {}`, "trailing data"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".json")
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := LoadBaseline(path)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "load baseline "+path+": ") {
				t.Errorf("LoadBaseline error = %v, want one naming %s and containing %q", err, path, tt.want)
			}
		})
	}
	if _, err := LoadBaseline(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing file: error = %v, want one naming the path", err)
	}
}

func TestScanFile(t *testing.T) {
	type c struct {
		Line int
		Col  int
		Text string
	}
	tests := []struct {
		name      string
		file      string
		src       string
		kinds     []lineKind
		comments  []c
		blockEnds map[int]int
	}{
		{
			name: "hcl",
			file: "main.tf",
			src: lines(
				`# ignore me`,
				`resource "a" "b" { // skip=1`,
				``,
				`  x = "# ignore" /* ignore`,
				`  still ignore */ y = 1`,
				`  z = <<EOT`,
				`# ignore`,
				`EOT`,
				`  t = { k = "${"}"}" } # ignore`,
				`}`,
			),
			kinds: []lineKind{commentLine, codeLine, blankLine, codeLine, codeLine, codeLine, codeLine, codeLine, codeLine, codeLine},
			comments: []c{
				{1, 2, " ignore me"},
				{2, 22, " skip=1"},
				{4, 20, " ignore"},
				{5, 1, "  still ignore "},
				{9, 25, " ignore"},
			},
			blockEnds: map[int]int{2: 10, 9: 9},
		},
		{
			name:     "json has no comments",
			file:     "plan.json",
			src:      `{"a": "# vigil:ignore:AWS-S3-001 x"}`,
			kinds:    nil,
			comments: nil,
		},
		{
			name:     "yaml",
			file:     "k8s.yaml",
			src:      lines(`# ignore`, `a: b#c ignore`, `d: 'it # ignore'`, `e: it's # ignore`),
			kinds:    []lineKind{commentLine, codeLine, codeLine, codeLine},
			comments: []c{{1, 2, " ignore"}, {4, 10, " ignore"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := scanFile(tt.file, []byte(tt.src))
			var got []c
			for _, x := range sc.comments {
				got = append(got, c{x.line, x.col, x.text})
			}
			if diff := cmp.Diff(tt.kinds, sc.kinds); diff != "" {
				t.Errorf("line kinds (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.comments, got); diff != "" {
				t.Errorf("comments (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.blockEnds, sc.blockEnd, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("block ends (-want +got):\n%s", diff)
			}
		})
	}
}
