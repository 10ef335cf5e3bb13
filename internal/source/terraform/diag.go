package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/vigil-sec/vigil/internal/model"
)

// toRange converts an HCL range; file names are already relative to the scan
// root because files are parsed under those names.
func toRange(r hcl.Range) model.Range {
	return model.Range{
		File:      r.Filename,
		StartLine: r.Start.Line,
		StartCol:  r.Start.Column,
		EndLine:   r.End.Line,
		EndCol:    r.End.Column,
	}
}

// addDiags appends HCL diagnostics. Errors stay errors when asError is set
// (the input could not be read); otherwise they become warnings, because the
// scan carried on with an unknown value in place of the failed expression.
func addDiags(ds *model.Diagnostics, hd hcl.Diagnostics, asError bool, fallback hcl.Range) {
	for _, d := range hd {
		sev := model.DiagWarning
		if d.Severity == hcl.DiagError && asError {
			sev = model.DiagError
		}
		r := fallback
		if d.Subject != nil {
			r = *d.Subject
		}
		*ds = append(*ds, model.Diagnostic{Severity: sev, Summary: d.Summary, Detail: d.Detail, Range: toRange(r)})
	}
}
