package tfplan

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

func TestLoad(t *testing.T) {
	f, err := os.Open("testdata/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rs, diags := Load(f, "plan.json")
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	var addrs []string
	for _, r := range rs {
		addrs = append(addrs, r.Address)
	}
	want := []string{"module.logs.aws_s3_bucket.this[0]", "module.logs.aws_s3_bucket_versioning.this[0]"}
	if diff := cmp.Diff(want, addrs); diff != "" {
		t.Fatalf("deleted resources must be left out (-want +got):\n%s", diff)
	}
	set := tfres.NewSet(rs)
	bucket, versioning := rs[0], rs[1]

	if got := bucket.Body.String("bucket", ""); !got.Is("example-logs") {
		t.Errorf("bucket name = %+v, want known example-logs", got)
	}
	if got := bucket.Body.String("arn", ""); got.Known() {
		t.Errorf("arn is unknown until apply, got %+v", got)
	}
	if got := bucket.Body.StringMap("tags"); !got.Known() || !got.Entries["team"].Is("platform") {
		t.Errorf("tags = %+v", got)
	}
	if got := bucket.Body.Origin.Module; len(got) != 1 || got[0].Name != "logs" {
		t.Errorf("module chain = %+v, want [logs]", got)
	}

	target, link := set.Resolve(versioning.Body, "bucket", []string{"aws_s3_bucket"}, "bucket")
	if link != tfres.Linked || target != bucket {
		t.Errorf("versioning resolves to %v (%v), want the bucket through its configuration reference", target, link)
	}
	cfg := versioning.Body.Block("versioning_configuration")
	if got := cfg.String("status", ""); !got.Is("Suspended") {
		t.Errorf("status = %+v", got)
	}
	if got := cfg.String("mfa_delete", "Disabled"); got.Known() {
		t.Errorf("mfa_delete is unknown in after_unknown, got %+v", got)
	}
	if got := cfg.String("status", "").Origin.Range; got != (model.Range{File: "plan.json"}) {
		t.Errorf("origin = %+v", got)
	}
}

func TestLoadMalformed(t *testing.T) {
	_, diags := Load(strings.NewReader("{\n  \"format_version\": \"1.2\",\n  oops\n}"), "bad.json")
	if len(diags) != 1 || !diags.HasErrors() {
		t.Fatalf("want one error diagnostic, got %v", diags)
	}
	if d := diags[0]; d.Range.File != "bad.json" || d.Range.StartLine != 3 {
		t.Errorf("diagnostic at %v, want bad.json:3", d.Range)
	}
}

func TestIsPlan(t *testing.T) {
	for in, want := range map[string]bool{
		`{"format_version":"1.2","resource_changes":[]}`: true,
		`{"format_version":"1.0","planned_values":{}}`:   true,
		`{"Version":"2012-10-17"}`:                       false,
		`not json`:                                       false,
	} {
		if got := IsPlan([]byte(in)); got != want {
			t.Errorf("IsPlan(%s) = %v, want %v", in, got, want)
		}
	}
}

func FuzzLoad(f *testing.F) {
	data, err := os.ReadFile("testdata/plan.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"format_version":"1.2","resource_changes":[{"address":"a.b","change":{"actions":["create"],"after":{"x":[{"y":[1,{"z":null}]}]},"after_unknown":{"x":[true]}}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, _ := Load(strings.NewReader(string(data)), "fuzz.json")
		set := tfres.NewSet(rs)
		for _, r := range rs {
			_ = r.Body.StringList("x")
			_, _ = set.Resolve(r.Body, "bucket", []string{"aws_s3_bucket"}, "bucket")
		}
	})
}
