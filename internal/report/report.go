package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
)

// Report is everything a renderer may show about one scan.
type Report struct {
	// Tool names the program that produced the report.
	Tool Tool
	// Target is what was scanned, as the user named it.
	Target    string
	StartedAt time.Time
	Duration  time.Duration
	// Checks lists every check that ran; SARIF turns them into rules and
	// JUnit into suites, so a check with no findings still shows it ran.
	Checks []*check.Check
	// Findings holds failing and passing results, suppressed ones included,
	// already sorted (check.SortFindings). Renderers keep this order.
	Findings []check.Finding
	// Diagnostics are input problems and warnings (malformed files, expired
	// suppressions).
	Diagnostics model.Diagnostics
	// Incomplete is set when some input could not be scanned.
	Incomplete bool
}

// Tool identifies the program that produced a report.
type Tool struct{ Name, Version, InformationURI string }

// Options tune the human formats. Everything environment-dependent (colour,
// terminal width) is decided by the caller, so renderers stay deterministic.
type Options struct {
	// Color enables ANSI colour in the table; the CLI decides it from
	// NO_COLOR, --no-color, TERM and whether stdout is a terminal.
	Color bool
	// ShowPassed includes passing results in the table and CSV.
	ShowPassed bool
	// Width is the terminal width the table wraps to; 0 means 100.
	Width int
}

// Renderer writes a Report in one format.
type Renderer interface {
	Render(w io.Writer, r *Report) error
}

// formats lists the renderers in the order users see them in help text.
var formats = []struct {
	name string
	new  func(Options) Renderer
}{
	{"table", func(o Options) Renderer { return &tableRenderer{opts: o} }},
	{"json", func(o Options) Renderer { return jsonRenderer{showPassed: o.ShowPassed} }},
	{"sarif", func(Options) Renderer { return sarifRenderer{} }},
	{"junit", func(Options) Renderer { return junitRenderer{} }},
	{"csv", func(o Options) Renderer { return csvRenderer{opts: o} }},
}

// Formats returns the names New accepts, default first.
func Formats() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return names
}

// New returns the renderer for format. Names are case-insensitive.
func New(format string, opts Options) (Renderer, error) {
	for _, f := range formats {
		if strings.EqualFold(format, f.name) {
			return f.new(opts), nil
		}
	}
	return nil, fmt.Errorf("select output format %q: want one of %s", format, strings.Join(Formats(), ", "))
}

// summary holds the counts every format reports. Only unsuppressed failures
// count towards a severity: a muted finding is visible, but does not count.
type summary struct {
	bySeverity [check.Critical + 1]int
	failed     int
	passed     int
	suppressed int
	errors     int
	warnings   int
	resources  int
	files      int
}

func summarize(r *Report) summary {
	var s summary
	resources := map[string]bool{}
	files := map[string]bool{}
	for i := range r.Findings {
		f := &r.Findings[i]
		switch {
		case f.Status == check.Pass:
			s.passed++
		case f.Suppressed():
			s.suppressed++
		default:
			s.failed++
			if sev := f.Check.Severity; sev >= check.Info && sev <= check.Critical {
				s.bySeverity[sev]++
			}
		}
		resources[f.Resource.ID] = true
		if file := f.Resource.Origin.Range.File; file != "" {
			files[file] = true
		}
	}
	for _, d := range r.Diagnostics {
		if d.Severity == model.DiagError {
			s.errors++
		} else {
			s.warnings++
		}
	}
	s.resources, s.files = len(resources), len(files)
	return s
}

// severitiesDesc lists severities worst first, the order humans read.
var severitiesDesc = []check.Severity{check.Critical, check.High, check.Medium, check.Low, check.Info}

// location renders where to fix a finding for humans: "file:line" plus the
// module chain when the value sits inside a module, or the ARN and API for a
// live resource.
func location(o model.Origin) string {
	if !o.Range.IsZero() {
		s := o.Range.String()
		if mp := o.ModulePath(); mp != "" {
			s += " (via " + mp + ")"
		}
		return s
	}
	switch {
	case o.ARN != "" && o.API != "":
		return o.ARN + " (from " + o.API + ")"
	case o.ARN != "":
		return o.ARN
	default:
		return o.API
	}
}

// suppressionKind names a suppression's kind in snake_case for the native
// formats; SARIF has its own camelCase names.
func suppressionKind(k check.SuppressionKind) string {
	if k == check.InSource {
		return "in_source"
	}
	return "external"
}

// errWriter keeps the first write error so renderers that emit many small
// pieces can check once at the end instead of after every write.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) WriteString(s string) {
	if e.err == nil {
		_, e.err = io.WriteString(e.w, s)
	}
}
