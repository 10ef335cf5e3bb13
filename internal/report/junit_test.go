package report

import (
	"encoding/xml"
	"strings"
	"testing"
)

// TestJUnitParses reads the output back with encoding/xml and checks the
// counts in the attributes agree with the elements and with the fixture.
func TestJUnitParses(t *testing.T) {
	type problem struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Body    string `xml:",chardata"`
	}
	type testcase struct {
		Name      string   `xml:"name,attr"`
		Classname string   `xml:"classname,attr"`
		Failure   *problem `xml:"failure"`
		Error     *problem `xml:"error"`
		Skipped   *problem `xml:"skipped"`
	}
	type suite struct {
		Name     string     `xml:"name,attr"`
		Tests    int        `xml:"tests,attr"`
		Failures int        `xml:"failures,attr"`
		Errors   int        `xml:"errors,attr"`
		Skipped  int        `xml:"skipped,attr"`
		Cases    []testcase `xml:"testcase"`
	}
	var got struct {
		XMLName  xml.Name `xml:"testsuites"`
		Tests    int      `xml:"tests,attr"`
		Failures int      `xml:"failures,attr"`
		Errors   int      `xml:"errors,attr"`
		Skipped  int      `xml:"skipped,attr"`
		Suites   []suite  `xml:"testsuite"`
	}
	out := render(t, "junit", Options{}, fixture())
	if err := xml.Unmarshal(out, &got); err != nil {
		t.Fatalf("output is not XML: %v\n%s", err, out)
	}

	var tests, failures, errors, skipped int
	for _, s := range got.Suites {
		var f, e, sk int
		for _, c := range s.Cases {
			switch {
			case c.Failure != nil:
				f++
				if c.Failure.Message == "" || c.Failure.Type == "" || !strings.Contains(c.Failure.Body, "Severity:") {
					t.Errorf("suite %q case %q: failure lacks message, type or body: %+v", s.Name, c.Name, c.Failure)
				}
			case c.Error != nil:
				e++
			case c.Skipped != nil:
				sk++
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != f || s.Errors != e || s.Skipped != sk {
			t.Errorf("suite %q counts tests=%d failures=%d errors=%d skipped=%d; elements say %d %d %d %d",
				s.Name, s.Tests, s.Failures, s.Errors, s.Skipped, len(s.Cases), f, e, sk)
		}
		tests, failures, errors, skipped = tests+len(s.Cases), failures+f, errors+e, skipped+sk
	}
	if got.Tests != tests || got.Failures != failures || got.Errors != errors || got.Skipped != skipped {
		t.Errorf("testsuites counts %d %d %d %d; suites add up to %d %d %d %d",
			got.Tests, got.Failures, got.Errors, got.Skipped, tests, failures, errors, skipped)
	}
	// The fixture: 7 findings (3 failing, 2 suppressed, 2 passing) plus one
	// error diagnostic; 5 checks plus the diagnostics suite.
	if tests != 8 || failures != 3 || skipped != 2 || errors != 1 || len(got.Suites) != 6 {
		t.Errorf("tests=%d failures=%d skipped=%d errors=%d suites=%d; want 8 3 2 1 6", tests, failures, skipped, errors, len(got.Suites))
	}
	if got.Suites[0].Name != "AWS-IAM-002: IAM policy allows all actions on all resources" {
		t.Errorf("first suite = %q; want the first check, named ID: title", got.Suites[0].Name)
	}
	for _, c := range got.Suites[0].Cases {
		if c.Classname != "iam.tf" || !strings.HasPrefix(c.Name, "aws_iam_policy.") {
			t.Errorf("testcase name=%q classname=%q; want the resource ID and its file", c.Name, c.Classname)
		}
	}
}

// TestJUnitControlChars: a message quoting a file's bytes must not make the
// XML unparsable.
func TestJUnitControlChars(t *testing.T) {
	r := fixture()
	for i := range r.Findings {
		r.Findings[i].Message = "bad \x00\x1b[31m bytes ]]> end"
	}
	out := render(t, "junit", Options{}, r)
	var v struct{}
	if err := xml.Unmarshal(out, &v); err != nil {
		t.Errorf("junit with control characters does not parse: %v", err)
	}
}
