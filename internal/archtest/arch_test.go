package archtest

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

const mod = "github.com/vigil-sec/vigil"

var update = flag.Bool("update", false, "rewrite cmd/vigil/depaware.txt")

// rule says which imports of a package (matched by prefix) are forbidden.
type rule struct {
	pkg    string
	forbid []string
	// allowOnly, when set, lists the only module-internal and third-party
	// prefixes allowed (the standard library is always allowed).
	allowOnly []string
	why       string
}

var rules = []rule{
	{pkg: mod + "/internal/model", allowOnly: []string{mod + "/internal/model"},
		why: "the model is the centre: standard library only"},
	{pkg: mod + "/internal/source", forbid: []string{mod + "/internal/check", mod + "/internal/report", mod + "/internal/suppress", mod + "/internal/app", mod + "/internal/cli", mod + "/internal/config"},
		why: "sources know their inputs, nothing about checks or outputs"},
	{pkg: mod + "/internal/check", forbid: []string{mod + "/internal/source", mod + "/internal/report", mod + "/internal/app", mod + "/internal/cli", mod + "/internal/suppress", "github.com/hashicorp/", "github.com/zclconf/", "github.com/spf13/"},
		why: "checks see only the typed model"},
	{pkg: mod + "/internal/report", forbid: []string{mod + "/internal/source", mod + "/internal/app", mod + "/internal/cli", mod + "/internal/suppress", "github.com/hashicorp/", "github.com/zclconf/"},
		why: "outputs know findings, nothing about sources"},
	{pkg: mod + "/internal/suppress", forbid: []string{mod + "/internal/source", mod + "/internal/app", mod + "/internal/cli", mod + "/internal/report"},
		why: "suppressions work on findings and files"},
	{pkg: mod + "/internal/config", forbid: []string{mod + "/internal/source", mod + "/internal/app", mod + "/internal/cli", mod + "/internal/report"},
		why: "config is typed settings only"},
	{pkg: mod + "/internal/app", forbid: []string{mod + "/internal/cli", "github.com/spf13/"},
		why: "app is called by interfaces, never the other way round"},
}

// heavy third-party libraries and the only packages that may import them.
var heavy = map[string][]string{
	"github.com/hashicorp/hcl/v2":           {mod + "/internal/source/terraform"},
	"github.com/hashicorp/terraform-json":   {mod + "/internal/source/tfplan"},
	"github.com/zclconf/go-cty":             {mod + "/internal/source/"},
	"github.com/spf13/cobra":                {mod + "/internal/cli"},
	"github.com/santhosh-tekuri/jsonschema": {mod + "/internal/report"},
}

func loadAll(t *testing.T, tests bool) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedImports | packages.NeedFiles | packages.NeedModule, Dir: "../..", Tests: tests}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

func TestDependencyDirection(t *testing.T) {
	for _, p := range loadAll(t, false) {
		if strings.HasSuffix(p.PkgPath, "/checktest") {
			continue // test infrastructure builds the model from sources on purpose
		}
		for imp := range p.Imports {
			if strings.Contains(imp, "/internal/archtest") {
				continue
			}
			for _, r := range rules {
				if !strings.HasPrefix(p.PkgPath, r.pkg) {
					continue
				}
				for _, f := range r.forbid {
					if strings.HasPrefix(imp, f) {
						t.Errorf("%s imports %s: %s", p.PkgPath, imp, r.why)
					}
				}
				if r.allowOnly != nil && !isStd(imp) && !hasAnyPrefix(imp, r.allowOnly) {
					t.Errorf("%s imports %s: %s", p.PkgPath, imp, r.why)
				}
			}
			for lib, allowed := range heavy {
				if strings.HasPrefix(imp, lib) && !hasAnyPrefix(p.PkgPath, allowed) {
					t.Errorf("%s imports %s; only %v may", p.PkgPath, imp, allowed)
				}
			}
			if strings.HasPrefix(imp, mod+"/internal/cli") && p.PkgPath != mod+"/cmd/vigil" {
				t.Errorf("%s imports the CLI; only cmd/vigil may", p.PkgPath)
			}
		}
	}
}

func TestPackageDocs(t *testing.T) {
	for _, p := range loadAll(t, false) {
		if len(p.GoFiles) == 0 {
			continue
		}
		dir := filepath.Dir(p.GoFiles[0])
		if p.Name == "main" {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "doc.go")); err != nil {
			t.Errorf("package %s has no doc.go saying what it owns and what it must not import", p.PkgPath)
		}
	}
}

// TestDepaware keeps the list of modules linked into cmd/vigil committed, so a
// new dependency shows up in review. Regenerate with -update.
func TestDepaware(t *testing.T) {
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedImports | packages.NeedDeps | packages.NeedModule, Dir: "../.."}
	pkgs, err := packages.Load(cfg, "./cmd/vigil")
	if err != nil {
		t.Fatal(err)
	}
	mods := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Module != nil && p.Module.Path != mod {
			mods[p.Module.Path+" "+p.Module.Version] = true
		}
	})
	var lines []string
	for m := range mods {
		lines = append(lines, m)
	}
	slices.Sort(lines)
	got := "# Modules linked into cmd/vigil. Regenerate: go test ./internal/archtest -run Depaware -update\n" + strings.Join(lines, "\n") + "\n"
	path := "../../cmd/vigil/depaware.txt"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s (regenerate with -update): %v", path, err)
	}
	if string(want) != got {
		t.Errorf("modules linked into cmd/vigil changed; review and regenerate with -update.\nwant:\n%s\ngot:\n%s", want, got)
	}
}

func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
