package model

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestValueQuestionsAreFalseWhenUnknown(t *testing.T) {
	o := Origin{Range: Range{File: "main.tf", StartLine: 4}}
	unknown := Unresolved[bool](o)
	if unknown.Is(false) || unknown.Is(true) || unknown.IsNot(true) || unknown.IsOneOf(true, false) {
		t.Error("an unknown value answered a question")
	}
	if v, ok := unknown.Get(); ok || v {
		t.Error("Get on unknown")
	}
	off := Set(false, o)
	if !off.Is(false) || !off.IsNot(true) || !off.Explicit() || off.Defaulted() {
		t.Errorf("explicit false: %+v", off)
	}
	def := Default("AES256", o)
	if !def.Is("AES256") || !def.Defaulted() || def.Explicit() {
		t.Errorf("default: %+v", def)
	}
	var zero String
	if zero.Known() || !cmp.Equal(zero.OriginOr(o), o) {
		t.Error("the zero value must be unknown and fall back to the given origin")
	}
	enabled := Derive(Set("Enabled", o), func(s string) bool { return s == "Enabled" })
	if !enabled.Is(true) || !enabled.Explicit() || !cmp.Equal(enabled.Origin, o) {
		t.Errorf("Derive lost meta: %+v", enabled)
	}
	if Derive(Unresolved[string](o), func(string) bool { return true }).Known() {
		t.Error("Derive of unknown is known")
	}
}

func TestList(t *testing.T) {
	o := Origin{}
	partial := List[string]{Items: []String{Set("0.0.0.0/0", o), Unresolved[string](o)}, Meta: Meta{Certainty: Explicit}}
	if !partial.Contains("0.0.0.0/0") {
		t.Error("a known item of a partly unknown list is there")
	}
	if partial.Complete() || partial.IsEmpty() {
		t.Error("a list with an unknown item is neither complete nor known empty")
	}
	if diff := cmp.Diff([]string{"0.0.0.0/0"}, partial.Values()); diff != "" {
		t.Error(diff)
	}
	unknown := List[string]{}
	if unknown.IsEmpty() || unknown.Complete() {
		t.Error("an unknown list is not known to be empty")
	}
	empty := List[string]{Meta: Meta{Certainty: Defaulted}}
	if !empty.IsEmpty() || !empty.Complete() {
		t.Error("a defaulted empty list is known empty")
	}
	if _, ok := partial.Any(func(s string) bool { return s == "10.0.0.0/8" }); ok {
		t.Error("Any matched nothing there")
	}
}

func TestOriginStrings(t *testing.T) {
	for _, tt := range []struct {
		o    Origin
		want string
	}{
		{Origin{Range: Range{File: "a.tf", StartLine: 3, EndLine: 3}}, "a.tf:3"},
		{Origin{Range: Range{File: "a.tf", StartLine: 3, EndLine: 9}}, "a.tf:3-9"},
		{Origin{Range: Range{File: "plan.json"}}, "plan.json"},
		{Origin{API: "s3:GetBucketVersioning", ARN: "arn:aws:s3:::b"}, "s3:GetBucketVersioning arn:aws:s3:::b"},
	} {
		if got := tt.o.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
	o := Origin{Module: []Call{{Name: "a"}, {Name: "b"}}}
	if got := o.ModulePath(); got != "module.a.module.b" {
		t.Errorf("ModulePath = %q", got)
	}
}

func TestDiagnosticsSort(t *testing.T) {
	ds := Diagnostics{}
	ds.Warnf(Range{File: "b.tf", StartLine: 1}, "w")
	ds.Errorf(Range{File: "a.tf", StartLine: 9}, "e")
	ds.Errorf(Range{File: "a.tf", StartLine: 9}, "e")
	ds.Errorf(Range{File: "a.tf", StartLine: 2}, "e2")
	var got []string
	for _, d := range ds.Sort() {
		got = append(got, d.String())
	}
	want := []string{"a.tf:2: error: e2", "a.tf:9: error: e", "b.tf:1: warning: w"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if !ds.HasErrors() {
		t.Error("HasErrors")
	}
}

// TestUnknownPart checks the properties readers rely on: the placeholder
// holds no IAM wildcard, so a pattern built around it cannot match through
// it, and no space or line break, so it keeps a text's words and lines.
func TestUnknownPart(t *testing.T) {
	if UnknownPart == "" || strings.ContainsAny(UnknownPart, "*? \t\r\n") {
		t.Errorf("UnknownPart %q must be a non-empty single word without wildcards", UnknownPart)
	}
}
