package model

import (
	"cmp"
	"fmt"
	"slices"
)

// DiagSeverity grades a diagnostic.
type DiagSeverity uint8

const (
	// DiagWarning is a problem the scan worked around.
	DiagWarning DiagSeverity = iota + 1
	// DiagError is a problem that left part of the input unscanned; it makes
	// the scan incomplete.
	DiagError
)

func (s DiagSeverity) String() string {
	if s == DiagError {
		return "error"
	}
	return "warning"
}

// Diagnostic is a problem found in user input or in coverage: a malformed
// file, an unreadable module, a cloud region that refused us. Diagnostics are
// collected, not returned as errors, so one run reports all of them.
type Diagnostic struct {
	Severity DiagSeverity
	Summary  string
	Detail   string
	Range    Range
}

func (d Diagnostic) String() string {
	s := d.Severity.String() + ": " + d.Summary
	if d.Detail != "" {
		s += ": " + d.Detail
	}
	if !d.Range.IsZero() {
		s = d.Range.String() + ": " + s
	}
	return s
}

// Diagnostics is a list of diagnostics.
type Diagnostics []Diagnostic

// Errorf appends an error diagnostic.
func (ds *Diagnostics) Errorf(r Range, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Severity: DiagError, Summary: fmt.Sprintf(format, args...), Range: r})
}

// Warnf appends a warning diagnostic.
func (ds *Diagnostics) Warnf(r Range, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Severity: DiagWarning, Summary: fmt.Sprintf(format, args...), Range: r})
}

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	return slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Severity == DiagError })
}

// Sort orders diagnostics by file, line, column, then summary, and removes
// exact duplicates (an error in a module called twice is one problem).
func (ds Diagnostics) Sort() Diagnostics {
	slices.SortFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Range.File, b.Range.File),
			cmp.Compare(a.Range.StartLine, b.Range.StartLine),
			cmp.Compare(a.Range.StartCol, b.Range.StartCol),
			cmp.Compare(b.Severity, a.Severity),
			cmp.Compare(a.Summary, b.Summary),
			cmp.Compare(a.Detail, b.Detail),
		)
	})
	return slices.Compact(ds)
}
