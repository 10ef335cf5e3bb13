package report

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestJSONFieldNames pins every field name of the native JSON schema,
// including optional ones the fixture may not show. A rename here is a
// breaking change for users' scripts: it needs a major SchemaVersion bump
// and a docs/output-formats.md entry, then -update.
func TestJSONFieldNames(t *testing.T) {
	var paths []string
	jsonPaths(reflect.TypeFor[jsonReport](), "", &paths)
	golden(t, "json-fields.golden", []byte("schema_version "+SchemaVersion+"\n"+strings.Join(paths, "\n")+"\n"))
}

// jsonPaths lists the dotted JSON paths of t's fields, with their Go kind,
// "[]" marking arrays.
func jsonPaths(t reflect.Type, prefix string, out *[]string) {
	for f := range t.Fields() {
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		p := prefix + name
		ft := f.Type
		suffix := ""
		if strings.Contains(opts, "omitempty") {
			suffix = " (optional)"
		}
		for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
			if ft.Kind() == reflect.Slice {
				p += "[]"
			}
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct {
			*out = append(*out, p+" object"+suffix)
			jsonPaths(ft, p+".", out)
			continue
		}
		*out = append(*out, p+" "+ft.Kind().String()+suffix)
	}
}

func TestJSONContent(t *testing.T) {
	out := render(t, "json", Options{ShowPassed: true}, fixture())
	var got struct {
		SchemaVersion string `json:"schema_version"`
		StartedAt     string `json:"started_at"`
		DurationMS    int64  `json:"duration_ms"`
		Summary       struct {
			Failed, Passed, Suppressed int
			BySeverity                 map[string]int `json:"by_severity"`
		}
		Results []struct {
			CheckID  string `json:"check_id"`
			Status   string
			Location *struct {
				ModulePath  string                  `json:"module_path"`
				ModuleCalls []struct{ Name string } `json:"module_calls"`
			}
			Cloud       *struct{ API, ARN string }
			Suppression *struct{ Kind, Expires string }
		}
		Diagnostics []struct{ Severity string }
		Incomplete  bool
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if got.SchemaVersion != SchemaVersion || got.StartedAt != "2026-11-22T10:30:00Z" || got.DurationMS != 1234 || !got.Incomplete {
		t.Errorf("header = %q %q %d %v", got.SchemaVersion, got.StartedAt, got.DurationMS, got.Incomplete)
	}
	if s := got.Summary; s.Failed != 3 || s.Passed != 2 || s.Suppressed != 2 {
		t.Errorf("summary = %+v; want 3 failed, 2 passed, 2 suppressed", s)
	}
	if diff := cmp.Diff(map[string]int{"critical": 1, "high": 1, "medium": 0, "low": 1, "info": 0}, got.Summary.BySeverity); diff != "" {
		t.Errorf("by_severity (-want +got):\n%s", diff)
	}
	if len(got.Results) != len(fixture().Findings) {
		t.Fatalf("%d results; want every finding, passes and suppressed included", len(got.Results))
	}
	var failing struct{ Results []struct{ Status string } }
	if err := json.Unmarshal(render(t, "json", Options{}, fixture()), &failing); err != nil {
		t.Fatal(err)
	}
	for _, r := range failing.Results {
		if r.Status == "PASS" {
			t.Error("passed results without ShowPassed")
		}
	}
	if len(failing.Results) != len(got.Results)-got.Summary.Passed {
		t.Errorf("%d results without ShowPassed; passes must be left out", len(failing.Results))
	}
	var module, cloud, suppressed int
	for _, r := range got.Results {
		if r.Location != nil && r.Location.ModulePath == "module.logs" && len(r.Location.ModuleCalls) == 1 && r.Location.ModuleCalls[0].Name == "logs" {
			module++
		}
		if r.Cloud != nil && r.Cloud.ARN == sgARN && r.Location == nil {
			cloud++
		}
		if r.Suppression != nil {
			suppressed++
		}
	}
	if module != 2 || cloud != 1 || suppressed != 2 {
		t.Errorf("module results %d, cloud results %d, suppressed %d; want 2, 1, 2", module, cloud, suppressed)
	}
	if len(got.Diagnostics) != 2 {
		t.Errorf("%d diagnostics; want 2", len(got.Diagnostics))
	}
}

// TestJSONEmptyArrays: consumers iterate results and diagnostics without
// null checks.
func TestJSONEmptyArrays(t *testing.T) {
	out := string(render(t, "json", Options{}, &Report{}))
	for _, want := range []string{`"results": []`, `"diagnostics": []`} {
		if !strings.Contains(out, want) {
			t.Errorf("empty report lacks %s:\n%s", want, out)
		}
	}
}
