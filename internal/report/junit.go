package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
)

// JUnit has no formal schema; these types follow what GitLab
// (artifacts:reports:junit), Jenkins and Azure DevOps read: testsuites >
// testsuite > testcase with failure, skipped or error children.

type junitTestSuites struct {
	XMLName  xml.Name         `xml:"testsuites"`
	Name     string           `xml:"name,attr"`
	Tests    int              `xml:"tests,attr"`
	Failures int              `xml:"failures,attr"`
	Errors   int              `xml:"errors,attr"`
	Skipped  int              `xml:"skipped,attr"`
	Time     string           `xml:"time,attr"`
	Suites   []junitTestSuite `xml:"testsuite"`
}

type junitTestSuite struct {
	Name      string          `xml:"name,attr"`
	Tests     int             `xml:"tests,attr"`
	Failures  int             `xml:"failures,attr"`
	Errors    int             `xml:"errors,attr"`
	Skipped   int             `xml:"skipped,attr"`
	Cases     []junitTestCase `xml:"testcase"`
	SystemOut string          `xml:"system-out,omitempty"`
}

type junitTestCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

// junitProblem is a failure or error; the body is CDATA so multi-line text
// stays readable in the raw file.
type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",cdata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// diagnosticsSuite names the extra suite that carries input errors, so a CI
// job shows a broken file as a red test instead of a silently smaller run.
const diagnosticsSuite = "vigil: input diagnostics"

type junitRenderer struct{}

func (junitRenderer) Render(w io.Writer, r *Report) error {
	ew := &errWriter{w: w}
	ew.WriteString(xml.Header)
	enc := xml.NewEncoder(ew)
	enc.Indent("", "  ")
	if err := enc.Encode(toJUnit(r)); err != nil {
		return fmt.Errorf("render junit: %w", err)
	}
	ew.WriteString("\n")
	if ew.err != nil {
		return fmt.Errorf("render junit: %w", ew.err)
	}
	return nil
}

func toJUnit(r *Report) *junitTestSuites {
	// One suite per check, in the order the checks ran; findings of a check
	// missing from r.Checks still get a suite rather than vanish.
	suiteOf := map[string]int{}
	var suites []junitTestSuite
	addSuite := func(c *check.Check) int {
		i, ok := suiteOf[c.ID]
		if !ok {
			i = len(suites)
			suiteOf[c.ID] = i
			suites = append(suites, junitTestSuite{Name: c.ID + ": " + c.Title, Cases: []junitTestCase{}})
		}
		return i
	}
	for _, c := range r.Checks {
		addSuite(c)
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		s := &suites[addSuite(f.Check)]
		tc := junitTestCase{Name: f.Resource.ID, Classname: classname(f)}
		switch {
		case f.Status == check.Pass:
		case f.Suppressed():
			msg := "suppressed"
			if j := f.Suppression.Justification; j != "" {
				msg += ": " + j
			}
			tc.Skipped = &junitSkipped{Message: msg}
			s.Skipped++
		default:
			tc.Failure = &junitProblem{
				Message: nonEmpty(f.Message, f.Check.Title),
				Type:    f.Check.Severity.String(),
				Body:    xmlText(failureBody(f)),
			}
			s.Failures++
		}
		s.Cases = append(s.Cases, tc)
		s.Tests++
	}

	if len(r.Diagnostics) > 0 {
		suites = append(suites, diagnosticsJUnit(r.Diagnostics))
	}

	out := &junitTestSuites{
		Name:   r.Tool.Name,
		Time:   fmt.Sprintf("%.3f", r.Duration.Seconds()),
		Suites: suites,
	}
	for _, s := range suites {
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
		out.Skipped += s.Skipped
	}
	return out
}

// diagnosticsJUnit reports error diagnostics as erroring test cases and
// lists warnings in system-out: a warning should not turn a pipeline red.
func diagnosticsJUnit(ds model.Diagnostics) junitTestSuite {
	s := junitTestSuite{Name: diagnosticsSuite, Cases: []junitTestCase{}}
	var warnings []string
	for _, d := range ds {
		if d.Severity != model.DiagError {
			warnings = append(warnings, d.String())
			continue
		}
		s.Cases = append(s.Cases, junitTestCase{
			Name:      nonEmpty(d.Range.String(), d.Summary),
			Classname: d.Range.File,
			Error:     &junitProblem{Message: d.Summary, Type: "error", Body: xmlText(d.Detail)},
		})
		s.Tests++
		s.Errors++
	}
	s.SystemOut = strings.Join(warnings, "\n")
	return s
}

// classname is the file the resource is defined in, which is how CI test
// views group cases; a live resource has no file and groups by its type.
func classname(f *check.Finding) string {
	if file := f.Resource.Origin.Range.File; file != "" {
		return file
	}
	if file := f.Origin.Range.File; file != "" {
		return file
	}
	return f.Resource.Type
}

func failureBody(f *check.Finding) string {
	var b strings.Builder
	if loc := location(f.Origin); loc != "" {
		b.WriteString(loc + "\n")
	}
	b.WriteString(nonEmpty(f.Message, f.Check.Title))
	b.WriteString("\nSeverity: " + f.Check.Severity.String())
	if t := f.Check.Remediation.Text; t != "" {
		b.WriteString("\nRemediation: " + t)
	}
	return b.String()
}

// xmlText replaces characters XML 1.0 forbids. encoding/xml does this for
// attributes and character data but writes CDATA verbatim, and a message
// quoting a scanned file may hold any byte.
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r',
			r >= 0x20 && r <= 0xD7FF,
			r >= 0xE000 && r <= 0xFFFD,
			r >= 0x10000 && r <= 0x10FFFF:
			return r
		}
		return '\uFFFD'
	}, s)
}
