package app_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin"
	"github.com/vigil-sec/vigil/internal/source/terraform"
	"github.com/vigil-sec/vigil/internal/source/tfaws"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// FuzzPipeline feeds arbitrary Terraform through the whole pipeline, every
// adapter and every check included: nothing may panic on input. It is seeded
// with every check fixture, which between them use every resource type the
// adapters read.
func FuzzPipeline(f *testing.F) {
	err := filepath.WalkDir("../check/builtin/aws", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".tf") {
			return err
		}
		data, err := os.ReadFile(path)
		if err == nil {
			f.Add(data)
		}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	reg, err := builtin.Registry()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		ctx := context.Background()
		res, err := terraform.Load(ctx, fstest.MapFS{"main.tf": {Data: src}}, ".", terraform.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range res.Diagnostics {
			if strings.Contains(d.Summary, "internal error") {
				t.Fatalf("evaluator recovered from a panic: %s", d)
			}
		}
		state := tfaws.Adapt(tfres.NewSet(res.Resources))
		_, diags, err := check.Run(ctx, reg.All(), &check.Input{AWS: state})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diags {
			t.Fatalf("a check crashed: %s", d.Summary)
		}
	})
}
