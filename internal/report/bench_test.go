package report

import (
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
)

// BenchmarkRender renders 10,000 findings, the size of a large monorepo or
// a big account scan, in every format. It guards against accidental
// quadratic work (per-finding rule lookups, string concatenation) that small
// golden fixtures would never show.
func BenchmarkRender(b *testing.B) {
	const n = 10_000
	r := benchReport(n)
	for _, format := range Formats() {
		b.Run(fmt.Sprintf("format=%s/findings=%d", format, n), func(b *testing.B) {
			rd, err := New(format, Options{Width: 100, ShowPassed: true})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			start := time.Now()
			for b.Loop() {
				if err := rd.Render(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/time.Since(start).Seconds(), "findings/s")
		})
	}
}

// benchReport makes n findings from a fixed seed: a mix of severities,
// statuses, modules, suppressions and live resources like a real scan.
func benchReport(n int) *Report {
	rng := rand.New(rand.NewPCG(1, 2))
	checks := []*check.Check{chkPublicRead, chkIAMWildcard, chkVersioning, chkSGDescription, chkTags}
	r := fixture()
	r.Findings = make([]check.Finding, 0, n)
	for i := range n {
		c := checks[rng.IntN(len(checks))]
		f := check.Finding{
			Check:   c,
			Status:  check.Fail,
			Message: fmt.Sprintf("Resource number %d breaks %s; this message is long enough to wrap at least once in an eighty column terminal.", i, c.ID),
		}
		file := fmt.Sprintf("modules/m%d/main.tf", rng.IntN(200))
		f.Resource = model.Resource{ID: fmt.Sprintf("module.m.aws_s3_bucket.b%d", i), Type: "aws_s3_bucket", Name: fmt.Sprintf("bucket-%d", i)}
		switch k := rng.IntN(10); {
		case k == 0:
			arn := fmt.Sprintf("arn:aws:s3:::bucket-%d", i)
			f.Resource.ID = arn
			f.Origin = model.Origin{API: "s3:GetBucketAcl", ARN: arn}
		case k == 1:
			f.Status = check.Pass
			f.Origin = model.Origin{Range: model.Range{File: file, StartLine: 1 + rng.IntN(500)}}
		default:
			f.Origin = model.Origin{Range: model.Range{File: file, StartLine: 1 + rng.IntN(500), EndLine: 600}, Module: logsCall}
			if k == 2 {
				f.Suppression = &check.Suppression{Kind: check.InSource, Justification: "accepted risk"}
			}
		}
		f.Resource.Origin = f.Origin
		r.Findings = append(r.Findings, f)
	}
	check.SortFindings(r.Findings)
	return r
}
