package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
)

const defaultWidth = 100

// minWrap keeps wrapping sane on absurdly narrow terminals: below it, lines
// overflow instead of turning into one word per line.
const minWrap = 30

// ANSI SGR codes, written by hand: the table needs a handful of colours and
// bold, which does not justify a styling dependency.
const (
	sgrReset  = "\x1b[0m"
	sgrBold   = "1"
	sgrDim    = "2"
	sgrRed    = "31"
	sgrGreen  = "32"
	sgrYellow = "33"
	sgrCyan   = "36"
)

var severityStyle = map[check.Severity]string{
	check.Critical: sgrBold + ";" + sgrRed,
	check.High:     sgrRed,
	check.Medium:   sgrYellow,
	check.Low:      sgrCyan,
	check.Info:     sgrDim,
}

type tableRenderer struct{ opts Options }

// tableWriter carries the state of one rendering.
type tableWriter struct {
	*bufio.Writer
	color bool
	width int
}

// paint wraps s in an SGR sequence when colour is on.
func (t *tableWriter) paint(sgr, s string) string {
	if !t.color || sgr == "" {
		return s
	}
	return "\x1b[" + sgr + "m" + s + sgrReset
}

func (tr *tableRenderer) Render(w io.Writer, r *Report) error {
	t := &tableWriter{Writer: bufio.NewWriter(w), color: tr.opts.Color, width: tr.opts.Width}
	if t.width <= 0 {
		t.width = defaultWidth
	}
	s := summarize(r)

	var failed, suppressed, passed []*check.Finding
	for i := range r.Findings {
		f := &r.Findings[i]
		switch {
		case f.Status == check.Pass:
			passed = append(passed, f)
		case f.Suppressed():
			suppressed = append(suppressed, f)
		default:
			failed = append(failed, f)
		}
	}

	if len(failed) == 0 {
		t.WriteString(t.paint(sgrBold+";"+sgrGreen, "No problems found.") + "\n\n")
	}
	// Group by severity, worst first; within a group the findings keep the
	// caller's order (file, line, check), so the output reads top to bottom.
	for _, sev := range severitiesDesc {
		var group []*check.Finding
		for _, f := range failed {
			if f.Check.Severity == sev {
				group = append(group, f)
			}
		}
		if len(group) == 0 {
			continue
		}
		t.heading(fmt.Sprintf("%s (%d)", sev, len(group)), severityStyle[sev])
		for _, f := range group {
			t.finding(f)
		}
		t.WriteString("\n")
	}

	if len(suppressed) > 0 {
		t.heading(fmt.Sprintf("Suppressed (%d)", len(suppressed)), sgrBold)
		for _, f := range suppressed {
			t.suppressed(f)
		}
		t.WriteString("\n")
	}
	if tr.opts.ShowPassed && len(passed) > 0 {
		t.heading(fmt.Sprintf("Passed (%d)", len(passed)), sgrBold+";"+sgrGreen)
		for _, f := range passed {
			t.segments("    ", seg{f.Check.ID, sgrBold}, seg{f.Resource.ID, ""}, seg{tableLocation(f), sgrDim})
		}
		t.WriteString("\n")
	}
	if len(r.Diagnostics) > 0 {
		t.heading(fmt.Sprintf("Diagnostics (%d)", len(r.Diagnostics)), sgrBold)
		for _, d := range r.Diagnostics {
			t.diagnostic(d)
		}
		t.WriteString("\n")
	}
	if r.Incomplete {
		const label = "Scan incomplete:"
		t.WriteString(t.paint(sgrBold+";"+sgrYellow, label) + " ")
		t.wrapAt(len(label)+1, "", "some input could not be scanned; the results above may miss problems.")
		t.WriteString("\n")
	}
	t.summary(r, s)
	if err := t.Flush(); err != nil {
		return fmt.Errorf("render table: %w", err)
	}
	return nil
}

func (t *tableWriter) heading(text, sgr string) {
	t.WriteString(t.paint(sgr, text) + "\n")
}

// finding prints one failing result:
//
//	AWS-S3-001  CRITICAL  S3 bucket allows public read
//	  resource  module.logs.aws_s3_bucket.this
//	  at        modules/s3/main.tf:12 (via module.logs)
//	  <message, wrapped>
func (t *tableWriter) finding(f *check.Finding) {
	sev := f.Check.Severity
	t.segments("    ", seg{f.Check.ID, sgrBold}, seg{sev.String(), severityStyle[sev]}, seg{f.Check.Title, ""})
	t.field("resource", f.Resource.ID)
	t.field("at", tableLocation(f))
	if f.Message != "" {
		t.wrapped("    ", f.Message)
	}
}

// field prints a labelled value under a finding, continuation lines aligned
// with the value.
func (t *tableWriter) field(label, value string) {
	if value == "" {
		return
	}
	const indent = "              " // "    " + 8-column label + "  "
	t.WriteString("    " + t.paint(sgrDim, fmt.Sprintf("%-8s", label)) + "  ")
	t.wrapAt(len(indent), indent, value)
}

func (t *tableWriter) suppressed(f *check.Finding) {
	t.segments("    ", seg{f.Check.ID, sgrBold}, seg{f.Resource.ID, ""}, seg{tableLocation(f), sgrDim})
	s := f.Suppression
	why := s.Justification
	if why == "" {
		why = "no justification given"
	}
	var note string
	switch src := s.Source.String(); {
	case s.Kind == check.InSource && src != "":
		note = "comment at " + src
	case s.Kind == check.InSource:
		note = "inline comment"
	case src != "":
		note = "configured in " + src
	default:
		note = "configured externally"
	}
	if !s.Expires.IsZero() {
		note += ", expires " + s.Expires.UTC().Format(time.DateOnly)
	}
	t.wrapped("    ", why+" ("+note+")")
}

func (t *tableWriter) diagnostic(d model.Diagnostic) {
	label, sgr := "warning", sgrYellow
	if d.Severity == model.DiagError {
		label, sgr = "error  ", sgrRed
	}
	text := d.Summary
	if !d.Range.IsZero() {
		text = d.Range.String() + ": " + text
	}
	const indent = "           " // "  " + 7-column label + "  "
	t.WriteString("  " + t.paint(sgr, label) + "  ")
	t.wrapAt(len(indent), indent, text)
	if d.Detail != "" {
		t.wrapped(indent, d.Detail)
	}
}

func (t *tableWriter) summary(r *Report, s summary) {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s:", s.failed, plural(s.failed, "finding", "findings"))
	for i, sev := range severitiesDesc {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, " %d %s", s.bySeverity[sev], strings.ToLower(sev.String()))
	}
	t.wrapped("", b.String())
	t.wrapped("", fmt.Sprintf("%d passed, %d suppressed, %d %s (%d %s, %d %s)",
		s.passed, s.suppressed,
		s.errors+s.warnings, plural(s.errors+s.warnings, "diagnostic", "diagnostics"),
		s.errors, plural(s.errors, "error", "errors"), s.warnings, plural(s.warnings, "warning", "warnings")))
	line := fmt.Sprintf("%d %s in %d %s, %d %s, %s",
		s.resources, plural(s.resources, "resource", "resources"),
		s.files, plural(s.files, "file", "files"),
		len(r.Checks), plural(len(r.Checks), "check", "checks"),
		r.Duration.Round(time.Millisecond))
	if r.Target != "" {
		line = "Scanned " + r.Target + ": " + line
	}
	t.wrapped("", line)
}

// tableLocation is location without repeating the resource ID: a live
// resource's ID is its ARN, already on the line above, so only the API that
// reported it is news.
func tableLocation(f *check.Finding) string {
	o := f.Origin
	if o.Range.IsZero() && o.ARN == f.Resource.ID && o.API != "" {
		return "live resource, from " + o.API
	}
	return location(o)
}

// seg is one unbreakable piece of a line and its style.
type seg struct{ text, sgr string }

// segments writes segs on one line, two spaces apart, starting a
// continuation line (indent) before a segment that would overflow. Segments
// are IDs, paths and titles: splitting them would hurt more than a long line.
func (t *tableWriter) segments(indent string, segs ...seg) {
	col := 0
	for _, s := range segs {
		if s.text == "" {
			continue
		}
		text := clean(s.text)
		n := utf8.RuneCountInString(text)
		switch {
		case col == 0:
			t.WriteString("  ")
			col = 2
		case col+2+n > t.width:
			t.WriteString("\n" + indent)
			col = len(indent)
		default:
			t.WriteString("  ")
			col += 2
		}
		t.WriteString(t.paint(s.sgr, text))
		col += n
	}
	t.WriteString("\n")
}

// wrapped writes text word-wrapped to the terminal width, every line
// prefixed by indent.
func (t *tableWriter) wrapped(indent, text string) {
	t.WriteString(indent)
	t.wrapAt(len(indent), indent, text)
}

// wrapAt writes text wrapped to the terminal width when the caller already
// wrote used columns of the first line (an indent, a label); continuation
// lines get indent.
func (t *tableWriter) wrapAt(used int, indent, text string) {
	first := max(t.width-used, minWrap)
	rest := max(t.width-utf8.RuneCountInString(indent), minWrap)
	for i, line := range wrapLines(clean(text), first, rest) {
		if i > 0 {
			t.WriteString(indent)
		}
		t.WriteString(line + "\n")
	}
}

// wrap breaks text into lines of at most width runes.
func wrap(text string, width int) []string { return wrapLines(text, width, width) }

// wrapLines breaks text at spaces into a first line of at most first runes
// and further lines of at most rest, keeping the text's own line breaks. A
// word longer than the width (a URL, an ARN) gets a line of its own rather
// than being cut, so it stays copyable.
func wrapLines(text string, first, rest int) []string {
	var out []string
	width := func() int {
		if len(out) == 0 {
			return first
		}
		return rest
	}
	for para := range strings.SplitSeq(text, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		line, n := words[0], utf8.RuneCountInString(words[0])
		for _, w := range words[1:] {
			wn := utf8.RuneCountInString(w)
			if n+1+wn > width() {
				out = append(out, line)
				line, n = w, wn
				continue
			}
			line += " " + w
			n += 1 + wn
		}
		out = append(out, line)
	}
	// A trailing newline in the text should not print an empty line.
	for len(out) > 1 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// clean replaces control characters with U+FFFD. Messages quote names taken
// from scanned files and cloud APIs; an attacker-controlled bucket name must
// not be able to send escape sequences to the user's terminal. Newlines and
// tabs are layout, not control, and survive.
func clean(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return utf8.RuneError
		}
		return r
	}, s)
}

func isControl(r rune) bool { return r != '\n' && r != '\t' && unicode.IsControl(r) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
