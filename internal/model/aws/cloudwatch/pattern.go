package cloudwatch

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrNotJSONPattern reports a filter pattern that is not a JSON pattern
// (`{ ... }`): a term pattern or a space-delimited pattern, which match raw
// text and are not modelled.
var ErrNotJSONPattern = errors.New("not a JSON filter pattern")

// FilterPattern is a parsed CloudWatch Logs JSON filter pattern such as
// `{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }`.
// Its Match tells which log events the filter selects, so a check can ask
// whether a pattern covers a set of events whatever its spelling (quoting,
// parentheses, order of terms, extra conditions).
type FilterPattern struct {
	root expr
}

// ParseFilterPattern parses a JSON filter pattern. Term and space-delimited
// patterns give ErrNotJSONPattern; regular-expression values (`%...%`) and
// malformed patterns give an error saying why.
func ParseFilterPattern(s string) (*FilterPattern, error) {
	p := &patternParser{s: s}
	p.skipSpace()
	if !p.accept("{") {
		return nil, ErrNotJSONPattern
	}
	e, err := p.or()
	if err != nil {
		return nil, fmt.Errorf("parse filter pattern: %w", err)
	}
	p.skipSpace()
	if !p.accept("}") {
		return nil, fmt.Errorf("parse filter pattern: %s", p.unexpected("closing brace"))
	}
	p.skipSpace()
	if p.pos < len(p.s) {
		return nil, fmt.Errorf("parse filter pattern: %s", p.unexpected("end of pattern"))
	}
	return &FilterPattern{root: e}, nil
}

// Match reports whether the filter selects the JSON log event (as decoded by
// encoding/json into map[string]any).
func (f *FilterPattern) Match(event map[string]any) bool { return f.root.match(event) }

type expr interface {
	match(event map[string]any) bool
}

type andExpr struct{ l, r expr }

func (e andExpr) match(ev map[string]any) bool { return e.l.match(ev) && e.r.match(ev) }

type orExpr struct{ l, r expr }

func (e orExpr) match(ev map[string]any) bool { return e.l.match(ev) || e.r.match(ev) }

// comparison is one selector test: `$.a.b = "x*"`, `$.n > 3`, `$.a IS TRUE`,
// `$.a NOT EXISTS`.
type comparison struct {
	path []any // string keys and int indexes
	op   string
	// value is the literal for =, !=, <, <=, >, >=.
	value string
	// quoted tells a quoted literal, never read as a number.
	quoted bool
}

func (c comparison) match(ev map[string]any) bool {
	v, ok := lookup(ev, c.path)
	switch c.op {
	case "NOT EXISTS":
		return !ok
	case "EXISTS":
		return ok
	case "IS NULL":
		return ok && v == nil
	case "IS TRUE":
		return ok && v == true
	case "IS FALSE":
		return ok && v == false
	}
	if !ok || v == nil {
		return false
	}
	switch c.op {
	case "=":
		return c.equal(v)
	case "!=":
		return !c.equal(v)
	}
	n, isNum := v.(float64)
	lit, err := strconv.ParseFloat(c.value, 64)
	if !isNum || err != nil || c.quoted {
		return false
	}
	switch c.op {
	case "<":
		return n < lit
	case "<=":
		return n <= lit
	case ">":
		return n > lit
	default: // ">="
		return n >= lit
	}
}

// equal compares a JSON scalar with the literal: numbers numerically, strings
// case-sensitively with `*` matching any run of characters.
func (c comparison) equal(v any) bool {
	switch t := v.(type) {
	case string:
		return glob(c.value, t)
	case float64:
		lit, err := strconv.ParseFloat(c.value, 64)
		return err == nil && !c.quoted && lit == t
	case bool:
		return c.value == strconv.FormatBool(t)
	}
	return false
}

func lookup(ev map[string]any, path []any) (any, bool) {
	var cur any = ev
	for _, seg := range path {
		switch s := seg.(type) {
		case string:
			m, ok := cur.(map[string]any)
			if !ok {
				return nil, false
			}
			if cur, ok = m[s]; !ok {
				return nil, false
			}
		case int:
			a, ok := cur.([]any)
			if !ok || s >= len(a) {
				return nil, false
			}
			cur = a[s]
		}
	}
	return cur, true
}

// glob matches s against pattern, where `*` matches any run of characters.
func glob(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return strings.HasSuffix(s, last)
}

// patternParser is a recursive-descent parser over the pattern text. Values
// may be bare words, so it reads characters rather than prelexed tokens.
//
// Grammar (&& binds tighter than ||):
//
//	or         = and { "||" and }
//	and        = unary { "&&" unary }
//	unary      = "(" or ")" | comparison
//	comparison = selector ( op value | "IS" ("TRUE"|"FALSE"|"NULL") | ["NOT"] "EXISTS" )
type patternParser struct {
	s   string
	pos int
}

func (p *patternParser) or() (expr, error) {
	l, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.skipSpace(); p.accept("||"); p.skipSpace() {
		r, err := p.and()
		if err != nil {
			return nil, err
		}
		l = orExpr{l, r}
	}
	return l, nil
}

func (p *patternParser) and() (expr, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for p.skipSpace(); p.accept("&&"); p.skipSpace() {
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		l = andExpr{l, r}
	}
	return l, nil
}

func (p *patternParser) unary() (expr, error) {
	p.skipSpace()
	if p.accept("(") {
		e, err := p.or()
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if !p.accept(")") {
			return nil, errors.New(p.unexpected("closing parenthesis"))
		}
		return e, nil
	}
	return p.comparison()
}

func (p *patternParser) comparison() (expr, error) {
	path, err := p.selector()
	if err != nil {
		return nil, err
	}
	c := comparison{path: path}
	p.skipSpace()
	switch w := p.peekWord(); w {
	case "IS":
		p.pos += len(w)
		p.skipSpace()
		switch v := p.peekWord(); v {
		case "TRUE", "FALSE", "NULL":
			p.pos += len(v)
			c.op = "IS " + v
			return c, nil
		}
		return nil, errors.New(p.unexpected("TRUE, FALSE or NULL"))
	case "NOT":
		p.pos += len(w)
		p.skipSpace()
		if p.peekWord() != "EXISTS" {
			return nil, errors.New(p.unexpected("EXISTS"))
		}
		p.pos += len("EXISTS")
		c.op = "NOT EXISTS"
		return c, nil
	case "EXISTS":
		p.pos += len(w)
		c.op = "EXISTS"
		return c, nil
	}
	for _, op := range []string{"!=", "<=", ">=", "=", "<", ">"} {
		if p.accept(op) {
			c.op = op
			break
		}
	}
	if c.op == "" {
		return nil, errors.New(p.unexpected("comparison operator"))
	}
	p.skipSpace()
	c.value, c.quoted, err = p.value()
	if err != nil {
		return nil, err
	}
	return c, nil
}

// selector reads `$.a.b[0].c`.
func (p *patternParser) selector() ([]any, error) {
	if !p.accept("$") {
		return nil, errors.New(p.unexpected("selector starting with $"))
	}
	var path []any
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case '.':
			p.pos++
			start := p.pos
			for p.pos < len(p.s) && isKeyChar(p.s[p.pos]) {
				p.pos++
			}
			if p.pos == start {
				return nil, errors.New(p.unexpected("property name"))
			}
			path = append(path, p.s[start:p.pos])
		case '[':
			end := strings.IndexByte(p.s[p.pos:], ']')
			if end < 0 {
				return nil, errors.New(p.unexpected("closing bracket"))
			}
			i, err := strconv.Atoi(p.s[p.pos+1 : p.pos+end])
			if err != nil || i < 0 {
				return nil, fmt.Errorf("array index %q is not a number", p.s[p.pos+1:p.pos+end])
			}
			path = append(path, i)
			p.pos += end + 1
		default:
			if len(path) == 0 {
				return nil, errors.New(p.unexpected("property after $"))
			}
			return path, nil
		}
	}
	return path, nil
}

// value reads a quoted string or a bare word.
func (p *patternParser) value() (string, bool, error) {
	if p.pos >= len(p.s) {
		return "", false, errors.New(p.unexpected("value"))
	}
	switch p.s[p.pos] {
	case '"':
		var b strings.Builder
		for i := p.pos + 1; i < len(p.s); i++ {
			switch c := p.s[i]; {
			case c == '\\' && i+1 < len(p.s):
				i++
				b.WriteByte(p.s[i])
			case c == '"':
				p.pos = i + 1
				return b.String(), true, nil
			default:
				b.WriteByte(c)
			}
		}
		return "", false, errors.New("unterminated quoted value")
	case '%':
		return "", false, errors.New("regular expression values are not supported")
	}
	start := p.pos
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ')' || c == '}' ||
			strings.HasPrefix(p.s[p.pos:], "&&") || strings.HasPrefix(p.s[p.pos:], "||") {
			break
		}
		p.pos++
	}
	if p.pos == start {
		return "", false, errors.New(p.unexpected("value"))
	}
	return p.s[start:p.pos], false, nil
}

func isKeyChar(c byte) bool {
	return c == '_' || c == '-' || c == '@' || c == ':' ||
		'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// peekWord returns the upper-case letters at the current position.
func (p *patternParser) peekWord() string {
	end := p.pos
	for end < len(p.s) && 'A' <= p.s[end] && p.s[end] <= 'Z' {
		end++
	}
	return p.s[p.pos:end]
}

func (p *patternParser) accept(lit string) bool {
	if strings.HasPrefix(p.s[p.pos:], lit) {
		p.pos += len(lit)
		return true
	}
	return false
}

func (p *patternParser) skipSpace() {
	for p.pos < len(p.s) && strings.IndexByte(" \t\r\n", p.s[p.pos]) >= 0 {
		p.pos++
	}
}

func (p *patternParser) unexpected(want string) string {
	if p.pos >= len(p.s) {
		return "want " + want + ", got end of pattern"
	}
	rest := p.s[p.pos:]
	if len(rest) > 20 {
		rest = rest[:20] + "..."
	}
	return fmt.Sprintf("want %s at offset %d, got %q", want, p.pos, rest)
}
