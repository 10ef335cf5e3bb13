package terraform

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// FuzzLoad loads a root module and a module it may call from arbitrary
// source. Load must not panic; since evaluation turns a panic into an
// "internal error" diagnostic, such a diagnostic fails the target too.
func FuzzLoad(f *testing.F) {
	paths, _ := filepath.Glob("testdata/load/*.txtar")
	for _, p := range paths {
		if strings.HasSuffix(p, "limits.txtar") {
			// Deliberately slow: it expands past the instance limit.
			continue
		}
		ar, err := txtar.ParseFile(p)
		if err != nil {
			f.Fatal(err)
		}
		var root, mod string
		for _, file := range ar.Files {
			switch {
			case strings.HasSuffix(file.Name, "main.tf") && root == "":
				root = string(file.Data)
			case strings.HasSuffix(file.Name, ".tf") && mod == "":
				mod = string(file.Data)
			}
		}
		f.Add(root, mod)
	}
	f.Add(`module "m" { source = "./m" }`, `output "o" { value = 1 }`)
	f.Add(`locals { a = [for i in range(3) : { for j in range(2) : j => i }] }`, ``)
	f.Fuzz(func(t *testing.T, root, mod string) {
		fsys := fstest.MapFS{
			"main.tf":       {Data: []byte(root)},
			"m/main.tf":     {Data: []byte(mod)},
			"m/override.tf": {Data: []byte(mod)},
		}
		res, err := Load(context.Background(), fsys, ".", Options{Vars: map[string]string{"x": "1"}})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range res.Diagnostics {
			if strings.Contains(d.Summary, "internal error") {
				t.Fatalf("%s", d)
			}
		}
	})
}
