package validate

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/model"
)

var update = flag.Bool("update", false, "rewrite the .golden files under testdata")

// render writes findings one a line, as the golden files hold them:
// "line:col-line:col TYPE CODE [path]: message".
func render(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		r := f.Range
		fmt.Fprintf(&b, "%d:%d-%d:%d %s %s", r.StartLine, r.StartCol, r.EndLine, r.EndCol, f.Type, f.Code)
		if f.Path != "" {
			b.WriteString(" " + f.Path)
		}
		fmt.Fprintf(&b, ": %s\n", f.Message)
	}
	return b.String()
}

// TestValidateFixtures validates every testdata/<kind>/<case>.json as a
// policy of that kind and compares the findings, positions included, with
// <case>.golden. Regenerate with go test ./internal/iam/validate -update.
func TestValidateFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/*/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		kind, ok := ParseKind(filepath.Base(filepath.Dir(file)))
		if !ok {
			t.Fatalf("%s: directory names no policy kind", file)
		}
		t.Run(strings.TrimPrefix(file, "testdata/"), func(t *testing.T) {
			text, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got := render(Validate(string(text), kind, file))
			golden := strings.TrimSuffix(file, ".json") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read %s (regenerate with -update): %v", golden, err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestValidateSize checks the policy size quotas: an identity policy is
// measured without white space, an SCP with it.
func TestValidateSize(t *testing.T) {
	statement := func(i int) string {
		return fmt.Sprintf(`{"Sid":"S%d","Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::bucket-%04d/*"}`, i, i)
	}
	policy := func(n int, sep string) string {
		var sts []string
		for i := range n {
			sts = append(sts, statement(i))
		}
		return `{"Version":"2012-10-17","Statement":[` + strings.Join(sts, ","+sep) + `]}`
	}
	for _, tc := range []struct {
		name string
		text string
		kind Kind
		want Code
	}{
		{"identity under quota despite white space", policy(60, strings.Repeat(" ", 100)), Identity, ""},
		{"identity over quota", policy(70, ""), Identity, PolicySizeExceedsIdentityPolicyQuota},
		{"scp counts white space", policy(40, strings.Repeat("\n", 60)), SCP, PolicySizeExceedsSCPQuota},
		{"scp under quota", policy(40, ""), SCP, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got Code
			for _, f := range Validate(tc.text, tc.kind, "p.json") {
				if f.Code == PolicySizeExceedsIdentityPolicyQuota || f.Code == PolicySizeExceedsSCPQuota {
					got = f.Code
				}
			}
			if got != tc.want {
				t.Errorf("size finding %q, want %q", got, tc.want)
			}
		})
	}
}

// TestValidateAt checks findings of a policy embedded in a file land at
// the file's lines and columns.
func TestValidateAt(t *testing.T) {
	text := "{\"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObjekt\", \"Resource\": \"*\"}}"
	fs := ValidateAt(text, Identity, model.Range{File: "main.tf", StartLine: 7, StartCol: 12})
	want := []model.Range{{File: "main.tf", StartLine: 8, StartCol: 46, EndLine: 8, EndCol: 60}}
	var got []model.Range
	for _, f := range fs {
		got = append(got, f.Range)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ranges (-want +got):\n%s\n%v", diff, fs)
	}
}

func TestParseKind(t *testing.T) {
	for k := Identity; k <= Boundary; k++ {
		if got, ok := ParseKind(strings.ToUpper(k.String())); !ok || got != k {
			t.Errorf("ParseKind(%q) = %v, %v", strings.ToUpper(k.String()), got, ok)
		}
	}
	if _, ok := ParseKind("session"); ok {
		t.Error("ParseKind accepted an unknown kind")
	}
}

// FuzzValidate checks that any text validates without panicking, twice the
// same, with findings sorted and every range inside the text.
func FuzzValidate(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.json")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(string(b), uint8(0))
		}
	}
	f.Add(`{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::${x","Condition":{"IpAddress":{"aws:SourceIp":"::1/200"}}}}`, uint8(2))
	f.Fuzz(func(t *testing.T, text string, k uint8) {
		kind := Kind(k%6) + Identity
		got := Validate(text, kind, "p.json")
		if again := Validate(text, kind, "p.json"); !cmp.Equal(got, again) {
			t.Fatalf("two runs differ:\n%s\n%s", render(got), render(again))
		}
		lines := strings.Count(text, "\n") + 1
		for i, f := range got {
			r := f.Range
			if r.StartLine < 1 || r.EndLine > lines || r.EndLine < r.StartLine || r.StartCol < 1 || r.EndCol < 1 {
				t.Fatalf("finding outside the text (%d lines): %v", lines, f)
			}
			if f.Code == "" || f.Message == "" || f.Type != f.Code.Type() {
				t.Fatalf("incomplete finding: %+v", f)
			}
			if i > 0 && (got[i-1].Range.StartLine > r.StartLine || got[i-1].Range.StartLine == r.StartLine && got[i-1].Range.StartCol > r.StartCol) {
				t.Fatalf("findings out of order:\n%s", render(got))
			}
		}
	})
}

// BenchmarkValidate measures validating a policy of 20 statements with
// conditions, the size of a large customer managed policy: the per-policy
// cost of validating a repository's or an account's policies.
func BenchmarkValidate(b *testing.B) {
	var sts []string
	for i := range 20 {
		sts = append(sts, fmt.Sprintf(`{"Sid":"S%d","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:List*"],`+
			`"Resource":["arn:aws:s3:::bucket-%d","arn:aws:s3:::bucket-%d/*"],`+
			`"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"},"Bool":{"aws:SecureTransport":"true"}}}`, i, i, i))
	}
	text := `{"Version":"2012-10-17","Statement":[` + strings.Join(sts, ",\n") + `]}`
	Validate(text, Identity, "p.json") // decode the catalogue outside the loop
	b.ReportAllocs()
	for b.Loop() {
		Validate(text, Identity, "p.json")
	}
}
