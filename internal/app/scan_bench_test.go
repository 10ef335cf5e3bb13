package app_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/vigil-sec/vigil/internal/app"
	"github.com/vigil-sec/vigil/internal/benchtree"
	"github.com/vigil-sec/vigil/internal/check/builtin"
)

// BenchmarkScan scans generated trees with every built-in check. The sizes
// are a small repository (≈60 files), a platform monorepo (≈600) and a large
// estate (≈2,100 files, every root calling modules with for_each).
func BenchmarkScan(b *testing.B) {
	reg, err := builtin.Registry()
	if err != nil {
		b.Fatal(err)
	}
	for _, spec := range []benchtree.Spec{
		{Seed: 1, Roots: 5, FilesPerRoot: 10, Modules: 5, ResourcesPerFile: 5},
		{Seed: 1, Roots: 30, FilesPerRoot: 18, Modules: 20, ResourcesPerFile: 5},
		{Seed: 1, Roots: 100, FilesPerRoot: 20, Modules: 40, ResourcesPerFile: 5},
	} {
		dir := b.TempDir()
		files, err := benchtree.Write(dir, spec)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("files=%d", files), func(b *testing.B) {
			b.ReportAllocs()
			var resources int
			for b.Loop() {
				res, err := app.Scan(context.Background(), app.ScanOptions{Target: dir, Checks: reg.All(), Registry: reg})
				if err != nil {
					b.Fatal(err)
				}
				resources = res.Resources
			}
			b.ReportMetric(float64(files)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
			b.ReportMetric(float64(resources), "resources")
		})
	}
}
