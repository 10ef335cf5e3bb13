package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestTableColor(t *testing.T) {
	for _, r := range []*Report{fixture(), emptyFixture()} {
		plain := render(t, "table", Options{Width: 80, ShowPassed: true}, r)
		if i := bytes.IndexByte(plain, 0x1b); i >= 0 {
			t.Errorf("Color=false output has an escape code at byte %d:\n%s", i, plain)
		}
		colored := render(t, "table", Options{Width: 80, ShowPassed: true, Color: true}, r)
		if !bytes.Contains(colored, []byte("\x1b[")) {
			t.Error("Color=true output has no escape codes")
		}
		// Colour changes presentation only: stripped, the texts match.
		if diff := cmp.Diff(string(plain), stripANSI(string(colored))); diff != "" {
			t.Errorf("coloured output differs from plain beyond escape codes (-plain +stripped):\n%s", diff)
		}
	}
}

// TestTableEscapesControl makes sure text from scanned input cannot drive
// the user's terminal: a resource name with an OSC sequence is neutralised.
func TestTableEscapesControl(t *testing.T) {
	r := fixture()
	r.Findings[0].Message = "Bucket \x1b]0;pwned\x07evil\x1b[2J grants READ"
	r.Findings[0].Resource.ID = "aws_s3_bucket.\x1b[31mx"
	out := render(t, "table", Options{Width: 80}, r)
	if bytes.IndexByte(out, 0x1b) >= 0 || bytes.IndexByte(out, 0x07) >= 0 {
		t.Errorf("control characters from findings reached the table:\n%q", out)
	}
}

func TestTableWidth(t *testing.T) {
	for _, width := range []int{50, 80, 120} {
		out := render(t, "table", Options{Width: width, ShowPassed: true}, fixture())
		for line := range strings.SplitSeq(string(out), "\n") {
			// A single unbreakable word (an ARN) may overflow; wrapped
			// prose may not.
			if n := utf8.RuneCountInString(line); n > width && strings.Contains(strings.TrimSpace(line), " ") && !strings.Contains(line, "arn:") {
				t.Errorf("width %d: line of %d runes: %q", width, n, line)
			}
		}
	}
	if def := render(t, "table", Options{}, fixture()); !bytes.Equal(def, render(t, "table", Options{Width: defaultWidth}, fixture())) {
		t.Error("Width 0 does not render as the default width")
	}
}

func TestTableEmpty(t *testing.T) {
	out := string(render(t, "table", Options{}, emptyFixture()))
	for _, want := range []string{"No problems found.", "0 findings:", "2 passed"} {
		if !strings.Contains(out, want) {
			t.Errorf("empty report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Passed (") {
		t.Errorf("passed section shown without ShowPassed:\n%s", out)
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"", 10, []string{""}},
		{"one two three", 20, []string{"one two three"}},
		{"one two three", 7, []string{"one two", "three"}},
		{"a verylongunbreakableword b", 5, []string{"a", "verylongunbreakableword", "b"}},
		{"para one\npara two\n", 40, []string{"para one", "para two"}},
		{"héllo wörld ünïcode", 11, []string{"héllo wörld", "ünïcode"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, wrap(tt.text, tt.width)); diff != "" {
			t.Errorf("wrap(%q, %d) (-want +got):\n%s", tt.text, tt.width, diff)
		}
	}
}

// stripANSI removes SGR sequences, the only ones the table writes.
func stripANSI(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i+2:]
		j := strings.IndexByte(s, 'm')
		if j < 0 {
			return b.String()
		}
		s = s[j+1:]
	}
}
