package suppress

import (
	"bytes"
	"path"
	"strings"
)

// lineKind classifies a source line for placement: a comment applies to the
// next line holding code only through lines that are comments too.
type lineKind uint8

const (
	blankLine lineKind = iota
	commentLine
	codeLine
)

// comment is the text of one comment (or the part of a block comment on one
// line), without its comment tokens.
type comment struct {
	line int // 1-based
	col  int // 1-based byte column where text starts
	text string
}

// scanned is what a file's lexical scan found.
type scanned struct {
	kinds []lineKind // kinds[i] is line i+1
	// comments holds only the comments on lines that may hold a directive.
	comments []comment
	// blockEnd maps a line opening a block ("resource ... {") to the line
	// closing it, so a comment above a block covers findings inside it.
	blockEnd map[int]int
	next     []int // next[l] is target(l); built on first use
}

// scanFile lexes a file just enough to find comments: strings, heredocs and
// comment tokens are told apart, so "#" inside a string or a heredoc (a shell
// script in user_data, say) is not taken for a comment. The lexer has to see
// every line to keep that state; only lines containing "ignore" or "skip" have
// their comments kept for parsing.
func scanFile(name string, data []byte) *scanned {
	switch path.Ext(name) {
	case ".json":
		return &scanned{} // JSON has no comments
	case ".tf", ".hcl", ".tfvars":
		return scanHCL(data)
	default:
		return scanHash(data) // YAML, Dockerfile and other "#" languages
	}
}

// mayHoldDirective reports whether a line or file contains a directive
// keyword; everything else is skipped before any parsing.
func mayHoldDirective(b []byte) bool {
	return containsFold(b, "ignore") || containsFold(b, "skip")
}

// scanHCL lexes HCL: "#" and "//" line comments, "/* */" block comments,
// quoted strings with ${ } and %{ } templates (which may nest strings),
// and <<EOF / <<-EOF heredocs.
func scanHCL(data []byte) *scanned {
	sc := &scanned{blockEnd: map[int]int{}}
	var (
		inBlock bool   // inside /* */
		heredoc string // terminator while inside a heredoc body
		// modes is the template nesting: -1 is a quoted string, n >= 0 an
		// interpolation with n unclosed "{" of its own.
		modes  []int
		braces []int // lines of the unclosed block "{"
	)
	for lineNo := 1; len(data) > 0; lineNo++ {
		var ln []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			ln, data = data[:i], data[i+1:]
		} else {
			ln, data = data, nil
		}
		ln = bytes.TrimSuffix(ln, []byte("\r"))
		if heredoc != "" {
			if string(bytes.TrimSpace(ln)) == heredoc {
				heredoc = ""
			}
			sc.kinds = append(sc.kinds, codeLine)
			continue
		}
		keep := mayHoldDirective(ln)
		kind := blankLine
		addComment := func(from, to int) {
			kind = max(kind, commentLine)
			if keep {
				sc.comments = append(sc.comments, comment{line: lineNo, col: from + 1, text: string(ln[from:to])})
			}
		}
		pending := ""
		for i := 0; i < len(ln); {
			c := ln[i]
			var next byte
			if i+1 < len(ln) {
				next = ln[i+1]
			}
			if inBlock {
				j := bytes.Index(ln[i:], []byte("*/"))
				if j < 0 {
					addComment(i, len(ln))
					break
				}
				addComment(i, i+j)
				i += j + 2
				inBlock = false
				continue
			}
			if n := len(modes); n > 0 && modes[n-1] < 0 {
				kind = codeLine
				switch {
				case c == '\\':
					i += 2
				case c == '"':
					modes = modes[:n-1]
					i++
				case (c == '$' || c == '%') && next == c:
					i += 2 // $${ and %%{ are escaped literals
				case (c == '$' || c == '%') && next == '{':
					modes = append(modes, 0)
					i += 2
				default:
					i++
				}
				continue
			}
			switch {
			case c == ' ' || c == '\t':
				i++
				continue
			case c == '#':
				addComment(i+1, len(ln))
				i = len(ln)
				continue
			case c == '/' && next == '/':
				addComment(i+2, len(ln))
				i = len(ln)
				continue
			case c == '/' && next == '*':
				inBlock = true
				i += 2
				continue
			}
			kind = codeLine
			switch {
			case c == '"':
				modes = append(modes, -1)
				i++
			case c == '<' && next == '<':
				j := i + 2
				if j < len(ln) && ln[j] == '-' {
					j++
				}
				id := scanID(string(ln[j:]))
				pending = id
				i = j + len(id)
			case c == '{':
				if n := len(modes); n > 0 {
					modes[n-1]++
				} else {
					braces = append(braces, lineNo)
				}
				i++
			case c == '}':
				if n := len(modes); n > 0 {
					if modes[n-1] == 0 {
						modes = modes[:n-1]
					} else {
						modes[n-1]--
					}
				} else if n := len(braces); n > 0 {
					open := braces[n-1]
					braces = braces[:n-1]
					sc.blockEnd[open] = max(sc.blockEnd[open], lineNo)
				}
				i++
			default:
				i++
			}
		}
		// A quoted string cannot continue on the next line in HCL, so an
		// unterminated one is a syntax error the parser reports; dropping it
		// here keeps one stray quote from hiding the rest of the file.
		for n := len(modes); n > 0 && modes[n-1] < 0; n = len(modes) {
			modes = modes[:n-1]
		}
		if pending != "" {
			heredoc = pending
		}
		sc.kinds = append(sc.kinds, kind)
	}
	return sc
}

// scanHash lexes languages whose only comment is "#" at the start of a line
// or after whitespace, outside quotes: YAML, Dockerfiles, shell.
func scanHash(data []byte) *scanned {
	sc := &scanned{}
	for lineNo := 1; len(data) > 0; lineNo++ {
		var ln []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			ln, data = data[:i], data[i+1:]
		} else {
			ln, data = data, nil
		}
		ln = bytes.TrimSuffix(ln, []byte("\r"))
		kind := blankLine
		var quote byte
	scan:
		for i := 0; i < len(ln); i++ {
			c := ln[i]
			switch {
			case quote != 0:
				if c == '\\' && quote == '"' {
					i++
				} else if c == quote {
					quote = 0
				}
			case c == ' ' || c == '\t':
			case c == '#' && (i == 0 || ln[i-1] == ' ' || ln[i-1] == '\t'):
				kind = max(kind, commentLine)
				if mayHoldDirective(ln[i:]) {
					sc.comments = append(sc.comments, comment{line: lineNo, col: i + 2, text: string(ln[i+1:])})
				}
				break scan
			case (c == '"' || c == '\'') && (i == 0 || strings.IndexByte(" \t:-[{,", ln[i-1]) >= 0):
				// YAML quotes open a string only where a scalar starts; the
				// apostrophe in "it's" is just a letter.
				quote = c
				kind = codeLine
			default:
				kind = codeLine
			}
		}
		sc.kinds = append(sc.kinds, kind)
	}
	return sc
}

// target returns the line a directive in a comment on line applies to: that
// line when it holds code (an end-of-line comment), otherwise the next line
// with code, reached through comment lines only. It returns 0 when a blank
// line or the end of the file comes first: a suppression floating in space
// applies to nothing, and is reported as unused.
func (sc *scanned) target(line int) int {
	if sc.next == nil {
		// Computed once, backwards, so a file of many stacked comment lines
		// costs linear time, not quadratic.
		sc.next = make([]int, len(sc.kinds)+2)
		for l := len(sc.kinds); l >= 1; l-- {
			switch sc.kinds[l-1] {
			case codeLine:
				sc.next[l] = l
			case commentLine:
				sc.next[l] = sc.next[l+1]
			}
		}
	}
	if line < 1 || line > len(sc.kinds) {
		return 0
	}
	return sc.next[line]
}

// containsFold is bytes.Contains ignoring ASCII case (sub must be lower
// case), without allocating a
// lower-cased copy of the file.
func containsFold(b []byte, sub string) bool {
	for i := 0; i+len(sub) <= len(b); i++ {
		j := 0
		for j < len(sub) && lower(b[i+j]) == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}
