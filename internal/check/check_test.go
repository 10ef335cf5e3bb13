package check

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws"
)

func valid(id, slug string) *Check {
	return &Check{
		ID: id, Slug: slug, Title: "t", Provider: "aws", Service: "s3", Severity: Medium,
		Description: "d", Rationale: "r", Remediation: Remediation{Text: "fix"},
		Equivalents: Equivalents{AVD: []string{"AVD-AWS-0090"}, Checkov: []string{"CKV_AWS_21"}},
		Evaluate:    func(*Input, *Reporter) {},
	}
}

func TestNewRegistryRejects(t *testing.T) {
	for _, tt := range []struct {
		name   string
		checks []*Check
		want   string
	}{
		{"bad ID", []*Check{valid("aws-s3-1", "aws-s3-x")}, "ID does not match"},
		{"bad slug", []*Check{valid("AWS-S3-001", "Not A Slug")}, "slug"},
		{"duplicate ID", []*Check{valid("AWS-S3-001", "aws-s3-a"), valid("AWS-S3-001", "aws-s3-b")}, "already used"},
		{"duplicate slug", []*Check{valid("AWS-S3-001", "aws-s3-a"), valid("AWS-S3-002", "aws-s3-a")}, "already used"},
		{"no evaluate", []*Check{func() *Check { c := valid("AWS-S3-001", "aws-s3-a"); c.Evaluate = nil; return c }()}, "no Evaluate"},
		{"no rationale", []*Check{func() *Check { c := valid("AWS-S3-001", "aws-s3-a"); c.Rationale = " "; return c }()}, "missing rationale"},
		{"no severity", []*Check{func() *Check { c := valid("AWS-S3-001", "aws-s3-a"); c.Severity = 0; return c }()}, "no severity"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewRegistry(tt.checks...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestRegistryMatch(t *testing.T) {
	a, b := valid("AWS-S3-003", "aws-s3-bucket-versioning-disabled"), valid("AWS-S3-004", "aws-s3-other")
	b.Equivalents = Equivalents{Tfsec: []string{"aws-s3-enable-versioning"}, AVD: []string{"AVD-AWS-0090"}}
	reg, err := NewRegistry(b, a)
	if err != nil {
		t.Fatal(err)
	}
	if got := reg.All(); got[0] != a || got[1] != b {
		t.Errorf("All not sorted by ID")
	}
	ids := func(cs []*Check) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}
	for key, want := range map[string][]string{
		"aws-s3-003":                        {"AWS-S3-003"},
		"AWS-S3-BUCKET-VERSIONING-DISABLED": {"AWS-S3-003"},
		"avd-aws-0090":                      {"AWS-S3-003", "AWS-S3-004"},
		"aws-s3-enable-versioning":          {"AWS-S3-004"},
		"CKV_AWS_21":                        {"AWS-S3-003"},
		"CKV_AWS_999":                       nil,
		"aws-s3-00*":                        {"AWS-S3-003", "AWS-S3-004"},
	} {
		if diff := cmp.Diff(want, ids(reg.Match(key))); diff != "" {
			t.Errorf("Match(%q) (-want +got):\n%s", key, diff)
		}
	}
}

func TestParseSeverity(t *testing.T) {
	for _, s := range Severities() {
		got, err := ParseSeverity(strings.ToLower(s.String()))
		if err != nil || got != s {
			t.Errorf("ParseSeverity(%s) = %v, %v", s, got, err)
		}
	}
	if _, err := ParseSeverity("urgent"); err == nil {
		t.Error("ParseSeverity accepted urgent")
	}
}

// TestRunIsolatesPanics: one crashing check is a diagnostic, and the others'
// findings are still reported, in a deterministic order.
func TestRunIsolatesPanics(t *testing.T) {
	res := func(id, file string, line int) model.Resource {
		return model.Resource{ID: id, Type: "aws_s3_bucket", Origin: model.Origin{Range: model.Range{File: file, StartLine: line, EndLine: line + 2}}}
	}
	good := valid("AWS-S3-001", "aws-s3-a")
	good.Evaluate = func(_ *Input, r *Reporter) {
		r.Fail(res("aws_s3_bucket.b", "b.tf", 5), model.Origin{}, "second")
		r.Fail(res("aws_s3_bucket.a", "a.tf", 1), model.Origin{Range: model.Range{File: "a.tf", StartLine: 2}}, "first")
		r.Pass(res("aws_s3_bucket.c", "a.tf", 9))
	}
	bad := valid("AWS-S3-002", "aws-s3-b")
	bad.Evaluate = func(*Input, *Reporter) { panic("nil map") }
	fs, diags, err := Run(context.Background(), []*Check{bad, good}, &Input{AWS: &aws.State{}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.Status.String()+" "+f.Origin.String()+" "+f.Resource.ID)
	}
	want := []string{"FAIL a.tf:2 aws_s3_bucket.a", "PASS a.tf:9-11 aws_s3_bucket.c", "FAIL b.tf:5-7 aws_s3_bucket.b"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if len(diags) != 1 || !diags.HasErrors() || !strings.Contains(diags[0].Summary, "AWS-S3-002 crashed") {
		t.Errorf("diagnostics = %v", diags)
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Run(ctx, []*Check{valid("AWS-S3-001", "aws-s3-a")}, &Input{AWS: &aws.State{}}); err == nil {
		t.Error("Run on a cancelled context returned no error")
	}
}

func TestFingerprintIgnoresLines(t *testing.T) {
	c := valid("AWS-S3-001", "aws-s3-a")
	f := Finding{Check: c, Resource: model.Resource{ID: "aws_s3_bucket.a", Origin: model.Origin{Range: model.Range{File: "main.tf", StartLine: 3}}}}
	moved := f
	moved.Resource.Origin.Range.StartLine = 40
	if f.Fingerprint() != moved.Fingerprint() {
		t.Error("fingerprint changed when the resource moved down the file")
	}
	other := f
	other.Resource.Origin.Range.File = "envs/prod/main.tf"
	if f.Fingerprint() == other.Fingerprint() {
		t.Error("same address in another root module has the same fingerprint")
	}
}

// TestConditionalResourcesAreNotJudged: a resource whose count could not be
// resolved may not exist, so failing or passing it would be a guess.
func TestConditionalResourcesAreNotJudged(t *testing.T) {
	c := valid("AWS-S3-001", "aws-s3-a")
	c.Evaluate = func(_ *Input, r *Reporter) {
		r.Fail(model.Resource{ID: "aws_s3_bucket.maybe[*]", Conditional: true}, model.Origin{}, "maybe")
		r.Pass(model.Resource{ID: "aws_s3_bucket.maybe_ok[*]", Conditional: true})
		r.Fail(model.Resource{ID: "aws_s3_bucket.sure"}, model.Origin{}, "sure")
	}
	fs, _, err := Run(context.Background(), []*Check{c}, &Input{AWS: &aws.State{}})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].Resource.ID != "aws_s3_bucket.sure" {
		t.Errorf("findings = %+v, want only the resource known to exist", fs)
	}
}

// TestJudge: a known bad value fails at its origin (the resource's when it
// has none), any other known value passes, an unknown one is not judged.
func TestJudge(t *testing.T) {
	resAt := model.Origin{Range: model.Range{File: "main.tf", StartLine: 1}}
	valAt := model.Origin{Range: model.Range{File: "main.tf", StartLine: 4}}
	res := model.Resource{ID: "aws_s3_bucket.a", Name: "a", Origin: resAt}
	type verdict struct {
		Status  Status
		Line    int
		Message string
	}
	for _, tt := range []struct {
		name string
		v    model.Bool
		bad  bool
		want []verdict
	}{
		{"bad", model.Set(false, valAt), false, []verdict{{Fail, 4, "Bucket a is off."}}},
		{"bad true", model.Set(true, valAt), true, []verdict{{Fail, 4, "Bucket a is off."}}},
		{"bad default without origin", model.Default(false, model.Origin{}), false, []verdict{{Fail, 1, "Bucket a is off."}}},
		{"good", model.Set(true, valAt), false, []verdict{{Pass, 1, ""}}},
		{"good default", model.Default(false, valAt), true, []verdict{{Pass, 1, ""}}},
		{"unknown", model.Unresolved[bool](valAt), false, nil},
		{"zero", model.Bool{}, true, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := &Reporter{check: valid("AWS-S3-001", "aws-s3-a")}
			r.Judge(res, tt.v, tt.bad, "Bucket %s is off.", res.Name)
			var got []verdict
			for _, f := range r.findings {
				got = append(got, verdict{f.Status, f.Origin.Range.StartLine, f.Message})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCheckMatches(t *testing.T) {
	s3 := valid("AWS-S3-001", "aws-s3-bucket-public-read")
	s3.Equivalents = Equivalents{AVD: []string{"AVD-AWS-0086"}, Checkov: []string{"CKV_AWS_53"}}
	iam := valid("AWS-IAM-002", "aws-iam-no-wildcard")
	iam.Equivalents = Equivalents{Tfsec: []string{"aws-iam-no-policy-wildcards"}}
	for _, tt := range []struct {
		pattern string
		c       *Check
		want    bool
	}{
		{"AWS-S3-001", s3, true},
		{"aws-s3-001", s3, true},
		{"aws-s3-bucket-public-read", s3, true},
		{"avd-aws-0086", s3, true},
		{"CKV_AWS_*", s3, true},
		{"AWS-S3-*", s3, true},
		{"AWS-S3-*", iam, false},
		{"*", iam, true},
		{"AWS-S3-00?", s3, true},
		{"aws-iam-no-policy-wildcards", iam, true},
		{"", s3, false},
	} {
		if got := tt.c.Matches(tt.pattern); got != tt.want {
			t.Errorf("%s.Matches(%q) = %v, want %v", tt.c.ID, tt.pattern, got, tt.want)
		}
	}
}
