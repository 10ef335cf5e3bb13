package suppress

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vigil-sec/vigil/internal/check"
)

// BenchmarkApply measures a scan's suppression stage. Sizes: 100 files is a
// typical service repository; 2000 files a large monorepo, where most files
// hold no directive at all and must cost no more than one keyword search.
func BenchmarkApply(b *testing.B) {
	reg := testRegistry(b)
	for _, files := range []int{100, 2000} {
		fsys := fstest.MapFS{}
		var names []string
		var base []check.Finding
		for i := range files {
			name := fmt.Sprintf("stack%d/main.tf", i)
			names = append(names, name)
			var src strings.Builder
			for r := range 10 {
				start := r*6 + 1
				if i%10 == 0 && r%3 == 0 {
					// One file in ten suppresses a few resources.
					src.WriteString("# vigil:ignore:AWS-S3-001 accepted\n")
				} else {
					src.WriteString("# bucket for the service\n")
				}
				fmt.Fprintf(&src, "resource \"aws_s3_bucket\" \"b%d\" {\n  bucket = \"b%d\"\n  acl    = \"public-read\"\n  tags   = { Name = \"${var.x}\" }\n}\n", r, r)
				base = append(base, fail(s3Public, fmt.Sprintf("aws_s3_bucket.b%d", r), name, start+1, start+5, start+3))
			}
			fsys[name] = &fstest.MapFile{Data: []byte(src.String())}
		}
		b.Run(fmt.Sprintf("files=%d", files), func(b *testing.B) {
			b.ReportAllocs()
			findings := make([]check.Finding, len(base))
			for b.Loop() {
				copy(findings, base)
				Apply(fsys, findings, reg, testNow, Options{Files: names})
			}
			b.ReportMetric(float64(len(base))*float64(b.N)/b.Elapsed().Seconds(), "findings/s")
		})
	}
}
