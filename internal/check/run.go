package check

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/vigil-sec/vigil/internal/model"
	"golang.org/x/sync/errgroup"
)

// Run evaluates checks over in, concurrently, and returns their findings in
// deterministic order. A check that panics is reported as an error
// diagnostic and the others still run: one bad check never costs the scan.
func Run(ctx context.Context, checks []*Check, in *Input) ([]Finding, model.Diagnostics, error) {
	results := make([][]Finding, len(checks))
	diags := make([]*model.Diagnostic, len(checks))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, c := range checks {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			results[i], diags[i] = evaluate(c, in)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, nil, fmt.Errorf("run checks: %w", err)
	}
	n := 0
	for _, r := range results {
		n += len(r)
	}
	out := make([]Finding, 0, n)
	var ds model.Diagnostics
	for i := range checks {
		out = append(out, results[i]...)
		if diags[i] != nil {
			ds = append(ds, *diags[i])
		}
	}
	SortFindings(out)
	return out, ds, nil
}

func evaluate(c *Check, in *Input) (fs []Finding, d *model.Diagnostic) {
	r := &Reporter{check: c}
	defer func() {
		if p := recover(); p != nil {
			fs = nil
			d = &model.Diagnostic{
				Severity: model.DiagError,
				Summary:  fmt.Sprintf("check %s crashed and was skipped", c.ID),
				Detail:   fmt.Sprintf("%v\n%s", p, debug.Stack()),
			}
		}
	}()
	c.Evaluate(in, r)
	return r.findings, nil
}
