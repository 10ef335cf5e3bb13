package terraform

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/source/tfres"
	"github.com/zclconf/go-cty/cty"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the #want sections of testdata/load/*.txtar")

// txtarOptions is the #options section of a test case.
type txtarOptions struct {
	Root     string            `json:"root"`
	Vars     map[string]string `json:"vars"`
	VarFiles []string          `json:"var_files"`
	Env      []string          `json:"env"`
}

// TestLoad evaluates each testdata/load/*.txtar case and compares the
// rendered resources and diagnostics with its #want section. Run with
// -update to rewrite the expectations, then review the diff.
func TestLoad(t *testing.T) {
	paths, err := filepath.Glob("testdata/load/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(p)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			var opts txtarOptions
			wantIdx := -1
			for i, f := range ar.Files {
				switch f.Name {
				case "#options":
					if err := json.Unmarshal(f.Data, &opts); err != nil {
						t.Fatalf("parse #options: %v", err)
					}
				case "#want":
					wantIdx = i
				default:
					fsys[f.Name] = &fstest.MapFile{Data: f.Data}
				}
			}
			if opts.Root == "" {
				opts.Root = "."
			}
			res, err := Load(context.Background(), fsys, opts.Root, Options{Vars: opts.Vars, VarFiles: opts.VarFiles, Env: opts.Env})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			got := renderResult(res)
			if *update {
				if wantIdx < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "#want"})
					wantIdx = len(ar.Files) - 1
				}
				ar.Files[wantIdx].Data = []byte(got)
				if err := os.WriteFile(p, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if wantIdx < 0 {
				t.Fatalf("no #want section; run with -update")
			}
			if diff := cmp.Diff(string(ar.Files[wantIdx].Data), got); diff != "" {
				t.Errorf("Load result mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// renderResult writes resources and diagnostics in a stable text form:
// values in HCL-like syntax, unknowns as (unknown), and the Ref marks
// each attribute carries.
func renderResult(res *Result) string {
	var b strings.Builder
	for _, r := range res.Resources {
		mode := ""
		if r.Mode == tfres.Data {
			mode = " (data)"
		}
		fmt.Fprintf(&b, "%s%s key=%s module=%q root=%s at %s", r.Address, mode, renderValue(r.Key), r.Module, r.Root, r.Body.Origin.Range)
		for _, c := range r.Body.Origin.Module {
			fmt.Fprintf(&b, " via %s@%s", c.Name, c.Range)
		}
		if r.Conditional {
			b.WriteString(" conditional")
		}
		b.WriteString("\n")
		renderBlock(&b, r.Body, "  ")
	}
	for _, d := range res.Diagnostics {
		s := d.Severity.String() + ": " + d.Summary
		if !d.Range.IsZero() {
			s = d.Range.String() + ": " + s
		}
		fmt.Fprintf(&b, "diag %s\n", firstLine(s))
	}
	return b.String()
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func renderBlock(b *strings.Builder, blk *tfres.Block, indent string) {
	names := make([]string, 0, len(blk.Attrs))
	for n := range blk.Attrs {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		a := blk.Attrs[n]
		fmt.Fprintf(b, "%s%s = %s", indent, n, renderValue(a.Value))
		if refs := tfres.RefsOf(a.Value); len(refs) > 0 {
			rs := make([]string, len(refs))
			for i, r := range refs {
				rs[i] = r.Address + "." + r.Attr
			}
			slices.Sort(rs)
			fmt.Fprintf(b, " <- %s", strings.Join(rs, ", "))
		}
		fmt.Fprintf(b, " @%s\n", a.Origin.Range)
		if a.Partial != "" {
			fmt.Fprintf(b, "%s  partial %q\n", indent, a.Partial)
		}
	}
	unknown := make([]string, 0, len(blk.UnknownTypes))
	for t := range blk.UnknownTypes {
		unknown = append(unknown, t)
	}
	slices.Sort(unknown)
	for _, t := range unknown {
		fmt.Fprintf(b, "%s%s: unknown blocks\n", indent, t)
	}
	for _, c := range blk.Children {
		fmt.Fprintf(b, "%s%s @%s\n", indent, c.Type, c.Origin.Range)
		renderBlock(b, c, indent+"  ")
	}
}

// renderValue renders a value without its marks.
func renderValue(v cty.Value) string {
	if v == cty.NilVal {
		return "nil"
	}
	v, _ = v.UnmarkDeep()
	switch {
	case !v.IsKnown():
		return "(unknown)"
	case v.IsNull():
		return "null"
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return fmt.Sprintf("%q", v.AsString())
	case ty == cty.Number:
		return v.AsBigFloat().Text('f', -1)
	case ty == cty.Bool:
		return fmt.Sprint(v.True())
	case ty.IsMapType() || ty.IsObjectType():
		var parts []string
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			parts = append(parts, k.AsString()+" = "+renderValue(ev))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case v.CanIterateElements():
		var parts []string
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			parts = append(parts, renderValue(ev))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return v.GoString()
}

// TestLoadCancelled checks that a cancelled context is an error, not a
// partial result.
func TestLoadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fsys := fstest.MapFS{"main.tf": {Data: []byte(`resource "a" "b" {}`)}}
	if _, err := Load(ctx, fsys, ".", Options{}); err == nil {
		t.Fatal("Load with a cancelled context: want an error")
	}
}

// TestLoadLargeFile checks that an oversized file is reported and skipped.
func TestLoadLargeFile(t *testing.T) {
	big := make([]byte, maxConfigFileSize+1)
	for i := range big {
		big[i] = '\n'
	}
	fsys := fstest.MapFS{
		"big.tf":  {Data: big},
		"main.tf": {Data: []byte(`resource "a" "b" {}`)},
	}
	res, err := Load(context.Background(), fsys, ".", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Resources) != 1 || len(res.Diagnostics) != 1 || res.Diagnostics[0].Range.File != "big.tf" {
		t.Errorf("got %d resources and diagnostics %v; want 1 resource and one diagnostic on big.tf", len(res.Resources), res.Diagnostics)
	}
}
