package suppress

import (
	"fmt"
	"strings"
	"time"
)

// tool is the scanner whose syntax a suppression comment is written in. We
// honour the others' syntax so that users migrating to Vigil keep the
// suppressions they already have.
type tool uint8

const (
	toolVigil   tool = iota + 1 // vigil:ignore:ID[,ID...][:exp:DATE] reason
	toolTfsec                   // tfsec:ignore:ID[:exp:DATE]
	toolTrivy                   // trivy:ignore:ID[[attr=value]][:exp:DATE]
	toolCheckov                 // checkov:skip=ID[:reason]
)

var prefixes = [...]struct {
	text string
	tool tool
}{
	{"vigil:ignore", toolVigil},
	{"tfsec:ignore", toolTfsec},
	{"trivy:ignore", toolTrivy},
	{"checkov:skip", toolCheckov},
}

// dateLayout is how expiry dates are written.
const dateLayout = "2006-01-02"

// directive is one suppression written in a comment.
type directive struct {
	tool tool
	// keys are the check keys as written: IDs, slugs, other scanners' IDs, or
	// "*" for every check.
	keys    []string
	expires time.Time // zero when it never expires
	reason  string
	// text is the directive without its reason, e.g.
	// "vigil:ignore:AWS-S3-001:exp:2026-12-31".
	text string
	// start and end are byte offsets of text in the comment.
	start, end int
}

// parseError is a malformed directive: the comment clearly tries to
// suppress something but cannot be read, so the user must hear about it.
type parseError struct {
	start, end int
	msg        string
}

// parseComment finds every suppression directive in the text of one comment
// (without its comment token). Several directives may share a comment
// ("#trivy:ignore:A #trivy:ignore:B"); each one's reason is the text after it,
// up to the next directive. Text that merely mentions a prefix in passing
// ("vigil:ignored") is not a directive. It never panics, whatever the input:
// comments are user input.
func parseComment(s string) ([]directive, []parseError) {
	type start struct {
		at   int
		tool tool
		n    int // length of the prefix
	}
	var starts []start
	for i := 0; i < len(s); i++ {
		if i > 0 && !isBoundary(s[i-1]) {
			continue
		}
		for _, p := range prefixes {
			if !hasPrefixFold(s[i:], p.text) {
				continue
			}
			j := i + len(p.text)
			// The prefix must end the word: "vigil:ignored" is prose.
			if j < len(s) && s[j] != ':' && s[j] != '=' && !isSpace(s[j]) {
				continue
			}
			starts = append(starts, start{i, p.tool, len(p.text)})
			i = j - 1
			break
		}
	}
	var ds []directive
	var errs []parseError
	for k, st := range starts {
		end := len(s)
		last := k == len(starts)-1
		if !last {
			end = starts[k+1].at
		}
		seg := s[st.at:end]
		if !last {
			// Drop the comment token that introduces the next directive.
			seg = trimTokens(seg)
		}
		d, perr := parseDirective(seg, st.tool, st.n)
		if perr != nil {
			perr.start += st.at
			perr.end += st.at
			errs = append(errs, *perr)
			continue
		}
		d.start += st.at
		d.end += st.at
		ds = append(ds, d)
	}
	return ds, errs
}

// parseDirective parses one directive that starts seg; n is the length of its
// prefix. Offsets in the result are relative to seg.
func parseDirective(seg string, t tool, n int) (directive, *parseError) {
	d := directive{tool: t}
	fail := func(at int, format string, args ...any) (directive, *parseError) {
		return directive{}, &parseError{start: 0, end: max(at, 1), msg: fmt.Sprintf(format, args...)}
	}
	sep := byte(':')
	form := seg[:n] + ":<check ID>"
	if t == toolCheckov {
		sep = '='
		form = seg[:n] + "=<check ID>"
	}
	if n >= len(seg) || seg[n] != sep {
		return fail(n, "want %s", form)
	}
	i := n + 1
	for {
		id := scanID(seg[i:])
		if id == "" {
			return fail(i, "want %s", form)
		}
		d.keys = append(d.keys, id)
		i += len(id)
		if i < len(seg) && seg[i] == '[' && t != toolCheckov {
			// Trivy's attribute selector narrows an ignore to matching
			// blocks; we read it and apply the ignore to the whole block,
			// which can only mute more, never report a muted finding.
			j := strings.IndexByte(seg[i:], ']')
			if j < 0 {
				return fail(len(seg), "unterminated attribute selector in %s", seg[:i])
			}
			i += j + 1
		}
		if i < len(seg) && seg[i] == ',' {
			i++
			continue
		}
		break
	}
	if t == toolCheckov {
		d.text = seg[:i]
		d.end = i
		if i < len(seg) && seg[i] == ':' {
			d.reason = strings.TrimSpace(seg[i+1:])
		} else {
			d.reason = strings.TrimSpace(seg[i:])
		}
		return d, nil
	}
	for i < len(seg) && seg[i] == ':' {
		opt, rest := seg[i+1:], ""
		switch {
		case hasPrefixFold(opt, "exp:"):
			rest = opt[len("exp:"):]
			date := scanWhile(rest, func(c byte) bool { return c >= '0' && c <= '9' || c == '-' })
			exp, err := time.Parse(dateLayout, date)
			if err != nil {
				bad := scanWhile(rest, func(c byte) bool { return !isSpace(c) })
				return fail(i+1+len("exp:")+len(bad), "invalid expiry date %q in %s: want YYYY-MM-DD", bad, seg[:n])
			}
			d.expires = exp
			i += 1 + len("exp:") + len(date)
		case hasPrefixFold(opt, "ws:"):
			// tfsec's workspace qualifier: Vigil has no workspaces, so the
			// ignore applies whatever the workspace.
			rest = opt[len("ws:"):]
			i += 1 + len("ws:") + len(scanID(rest))
		default:
			word := scanWhile(opt, func(c byte) bool { return !isSpace(c) && c != ':' })
			return fail(i+1+len(word), "unknown option %q in %s: want :exp:YYYY-MM-DD", word, seg[:n])
		}
	}
	if i < len(seg) && !isSpace(seg[i]) {
		return fail(i+1, "unexpected %q after %s", seg[i:i+1], seg[:i])
	}
	d.text = seg[:i]
	d.end = i
	d.reason = strings.TrimSpace(seg[i:])
	return d, nil
}

// trimTokens drops trailing whitespace and comment tokens ("#", "//", "/*").
func trimTokens(s string) string {
	for {
		s = strings.TrimRight(s, " \t\r\n\v\f")
		switch {
		case strings.HasSuffix(s, "//"), strings.HasSuffix(s, "/*"):
			s = s[:len(s)-2]
		case strings.HasSuffix(s, "#"):
			s = s[:len(s)-1]
		default:
			return s
		}
	}
}

// scanID returns the check key at the start of s: "*" or a run of the
// characters IDs, slugs and other scanners' IDs are made of.
func scanID(s string) string {
	if strings.HasPrefix(s, "*") {
		return "*"
	}
	return scanWhile(s, func(c byte) bool {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
	})
}

func scanWhile(s string, ok func(byte) bool) string {
	i := 0
	for i < len(s) && ok(s[i]) {
		i++
	}
	return s[:i]
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'
}

// isBoundary reports whether a directive may start right after c: at a word
// start, or glued to a comment token as in "#tfsec:ignore" or "//trivy:ignore".
func isBoundary(c byte) bool {
	return isSpace(c) || c == '#' || c == '/' || c == '*' || c == ',' || c == ';'
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case. It never changes
// byte offsets, unlike lower-casing the whole comment.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if lower(s[i]) != lower(prefix[i]) {
			return false
		}
	}
	return true
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
