package escalation

import (
	"context"
	"testing"

	"github.com/vigil-sec/vigil/internal/iam/iamgen"
)

// BenchmarkAnalyze20k is the acceptance size of the issue: 20,000
// principals and 50,000 policies must be analysed in under 30 s and 2 GB on
// one core (GOMAXPROCS=1). Each iteration analyses a freshly generated
// estate, so the evaluator's per-principal caches start cold as they do in
// a scan.
func BenchmarkAnalyze20k(b *testing.B) {
	benchmarkAnalyze(b, iamgen.Config{Seed: 1, Principals: 20000, Policies: 50000})
}

// BenchmarkAnalyze2k is a tenth of it, quick enough to compare changes
// with benchstat.
func BenchmarkAnalyze2k(b *testing.B) {
	benchmarkAnalyze(b, iamgen.Config{Seed: 1, Principals: 2000, Policies: 5000})
}

func benchmarkAnalyze(b *testing.B, cfg iamgen.Config) {
	b.ReportAllocs()
	var res *Result
	for b.Loop() {
		b.StopTimer()
		e := iamgen.Generate(cfg)
		b.StartTimer()
		var err error
		if res, err = Analyze(context.Background(), e, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	perOp := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(cfg.Principals)/perOp, "principals/s")
	b.ReportMetric(float64(len(res.Admins)), "admins")
	b.ReportMetric(float64(len(res.Paths)), "paths")
}
