package secret

import (
	"regexp"
	"strings"
)

// Match is a credential found in text. It never holds the credential's value.
type Match struct {
	// Kind is one of the kinds of this package, e.g. AWSAccessKeyID.
	Kind string
	// Line is the 1-based line the credential is on.
	Line int
}

// assignment finds `key = value`, `key: value`, `key := value` and
// `"key": "value"` pairs, which include `export KEY=value`. The value is the
// quoted string when quoted, else the text up to a space or delimiter.
var assignment = regexp.MustCompile(`([A-Za-z][A-Za-z0-9_.-]*)["']?\s*(?::=|=|:)\s*(?:"([^"]*)"|'([^']*)'|([^\s"';#,}]*))`)

// Scan finds credentials in text, such as a script or configuration file:
// credential shapes anywhere (Classify's value rules, skipping documented
// examples), and assignments whose name and value Classify judges a
// credential. A private key is reported on its BEGIN line only; its body is
// skipped. Matches are in line order, each kind at most once per line.
func Scan(text string) []Match {
	var out []Match
	inKey := false
	for i, line := range strings.Split(text, "\n") {
		if inKey {
			inKey = !strings.Contains(line, "-----END ")
			continue
		}
		n := len(out)
		add := func(kind string) {
			if kind == "" {
				return
			}
			for _, m := range out[n:] {
				if m.Kind == kind {
					return
				}
			}
			out = append(out, Match{Kind: kind, Line: i + 1})
		}
		for _, p := range valuePatterns {
			if p.in(line) {
				add(p.kind)
			}
		}
		for _, m := range assignment.FindAllStringSubmatch(line, -1) {
			add(Classify(m[1], m[2]+m[3]+m[4]))
		}
		if loc := privateKeyBegin.FindStringIndex(line); loc != nil {
			inKey = !strings.Contains(line[loc[1]:], "-----END ")
		}
	}
	return out
}
