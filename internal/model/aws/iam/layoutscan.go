package iam

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxDepth is encoding/json's nesting limit, so the scanner and the parser
// agree on which texts are valid.
const maxDepth = 10000

// scanLayout reads a document text once, checking its JSON syntax as
// encoding/json does and recording where the policy elements are. It
// mirrors how parseDocument reads the text (elements matched in any case,
// the last of duplicate keys kept, a list written twice concatenated), so
// its statements parallel the parsed ones.
func scanLayout(s string) *Layout {
	lines := make([]int32, 1, strings.Count(s, "\n")+1)
	for i := 0; ; {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		lines = append(lines, int32(i))
	}
	sc := &layoutScanner{s: s, l: &Layout{Lines: lines}}
	sc.document()
	if sc.err {
		// A text that is not JSON has one problem: where it stops being.
		sc.l.Problems = sc.l.Problems[len(sc.l.Problems)-1:]
	}
	return sc.l
}

// layoutScanner is a recursive-descent JSON reader over a text. It reports
// the first syntax error and stops.
type layoutScanner struct {
	s     string
	off   int
	depth int
	err   bool
	l     *Layout
	// scratch collects a list's spans, which keep then copies into arena:
	// the spans of a layout share a few blocks of memory.
	scratch, arena []TextPos
}

// value is what the scanner read of one JSON value.
type value struct {
	kind ValueKind
	pos  TextPos
}

// point is the offset the scanner is at.
func (sc *layoutScanner) point() int32 { return int32(sc.off) }

// keep copies spans into the arena and returns the copy, its capacity
// clipped so that appending to it copies.
func (sc *layoutScanner) keep(spans ...TextPos) []TextPos {
	if len(spans) == 0 {
		return nil
	}
	if cap(sc.arena)-len(sc.arena) < len(spans) {
		sc.arena = make([]TextPos, 0, max(64, len(spans)))
	}
	n := len(sc.arena)
	sc.arena = append(sc.arena, spans...)
	return sc.arena[n:len(sc.arena):len(sc.arena)]
}

func (sc *layoutScanner) fail(format string, args ...any) {
	if sc.err {
		return
	}
	sc.err = true
	p := sc.point()
	sc.l.Problems = append(sc.l.Problems, Problem{Kind: ProblemSyntax, Text: fmt.Sprintf(format, args...), Pos: TextPos{p, p}})
}

func (sc *layoutScanner) problem(k ProblemKind, e Element, text string, pos TextPos) {
	sc.l.Problems = append(sc.l.Problems, Problem{Kind: k, Elem: e, Text: text, Pos: pos})
}

func (sc *layoutScanner) ws() {
	for sc.off < len(sc.s) {
		switch sc.s[sc.off] {
		case ' ', '\t', '\n', '\r':
			sc.off++
		default:
			return
		}
	}
}

// peek returns the next byte after white space, or 0 at the end.
func (sc *layoutScanner) peek() byte {
	sc.ws()
	if sc.off < len(sc.s) {
		return sc.s[sc.off]
	}
	return 0
}

func (sc *layoutScanner) unexpected() {
	if sc.off >= len(sc.s) {
		sc.fail("unexpected end of JSON input")
		return
	}
	r, _ := utf8.DecodeRuneInString(sc.s[sc.off:])
	sc.fail("invalid character %q", r)
}

func (sc *layoutScanner) document() {
	if sc.peek() == '{' {
		var seen uint32
		sc.object(func(key string, kpos TextPos) {
			e := matchElement(key, ElemVersion, ElemStatement)
			if e == 0 {
				sc.problem(ProblemUnknownElement, 0, key, kpos)
				sc.value()
				return
			}
			sc.noteElement(e, key, kpos, &seen)
			if e == ElemStatement {
				sc.statements(key, kpos)
				return
			}
			sc.stringElement(&sc.l.Elements, e, key, kpos)
		})
	} else if v := sc.value(); !sc.err {
		sc.problem(ProblemType, 0, "a policy document must be a JSON object", v.pos)
	}
	if sc.err {
		return
	}
	if sc.ws(); sc.off < len(sc.s) {
		sc.fail("invalid character %q after the document", sc.s[sc.off])
	}
}

// matchElement returns the element of first..last whose name matches key
// exactly or, as encoding/json matches struct fields, in another case.
func matchElement(key string, first, last Element) Element {
	for e := first; e <= last; e++ {
		if key == e.String() {
			return e
		}
	}
	for e := first; e <= last; e++ {
		if strings.EqualFold(key, e.String()) {
			return e
		}
	}
	return 0
}

// noteElement records a duplicate or a case mismatch of element e, keyed
// by key at kpos, in an object whose elements so far are seen.
func (sc *layoutScanner) noteElement(e Element, key string, kpos TextPos, seen *uint32) {
	if *seen&(1<<e) != 0 {
		sc.problem(ProblemDuplicate, e, key, kpos)
	}
	*seen |= 1 << e
	if key != e.String() {
		sc.problem(ProblemElementCase, e, key, kpos)
	}
}

// put records p in es, replacing an element of the same kind: the parser
// keeps the last of duplicate keys.
func put(es *[]ElementPos, p ElementPos) {
	if i := slices.IndexFunc(*es, func(o ElementPos) bool { return o.Elem == p.Elem }); i >= 0 {
		(*es)[i] = p
		return
	}
	*es = append(*es, p)
}

// stringElement reads the value of a string element (Version, Id, Sid,
// Effect). A null leaves an earlier value in place, as it does the parsed
// string.
func (sc *layoutScanner) stringElement(es *[]ElementPos, e Element, key string, kpos TextPos) {
	v := sc.value()
	if sc.err {
		return
	}
	p := ElementPos{Elem: e, Name: key, Pos: TextPos{kpos.Start, v.pos.End}, Kind: v.kind}
	if v.kind == KindString {
		p.Items = sc.keep(v.pos)
	} else {
		sc.problem(ProblemType, e, e.String()+" must be a string", v.pos)
		if _, ok := findElement(*es, e); ok && v.kind == KindNull {
			return
		}
	}
	put(es, p)
}

func (sc *layoutScanner) statements(key string, kpos TextPos) {
	var sts []StatementPos
	var kind ValueKind
	switch sc.peek() {
	case '[':
		kind = KindArray
		sc.array(func() {
			if sc.peek() == '{' {
				sts = append(sts, sc.statement())
				return
			}
			v := sc.value()
			if !sc.err {
				sc.problem(ProblemType, ElemStatement, "a statement must be a JSON object", v.pos)
				sts = append(sts, StatementPos{Pos: v.pos})
			}
		})
	case '{':
		kind = KindObject
		sts = append(sts, sc.statement())
	default:
		v := sc.value()
		if sc.err {
			return
		}
		kind = v.kind
		sc.problem(ProblemType, ElemStatement, "Statement must be an array of statements or one statement", v.pos)
		if v.kind != KindNull {
			sts = append(sts, StatementPos{Pos: v.pos})
		}
	}
	if sc.err {
		return
	}
	put(&sc.l.Elements, ElementPos{Elem: ElemStatement, Name: key, Pos: TextPos{kpos.Start, sc.point()}, Kind: kind})
	sc.l.Statements = slices.Clone(sts)
}

func (sc *layoutScanner) statement() StatementPos {
	var st StatementPos
	start := sc.point()
	var seen uint32
	sc.object(func(key string, kpos TextPos) {
		e := matchElement(key, ElemSid, ElemCondition)
		if e == 0 {
			sc.problem(ProblemUnknownElement, 0, key, kpos)
			sc.value()
			return
		}
		sc.noteElement(e, key, kpos, &seen)
		switch e {
		case ElemSid, ElemEffect:
			sc.stringElement(&st.Elements, e, key, kpos)
		case ElemAction, ElemNotAction, ElemResource, ElemNotResource:
			sc.listElement(&st.Elements, e, key, kpos)
		case ElemPrincipal, ElemNotPrincipal:
			if p, ok := sc.principal(e, key, kpos); ok {
				put(&st.Elements, p)
			}
		case ElemCondition:
			if p, cs, ok := sc.condition(key, kpos); ok {
				put(&st.Elements, p)
				st.Conditions = cs
			}
		}
	})
	st.Pos = TextPos{start, sc.point()}
	st.Elements = slices.Clone(st.Elements)
	return st
}

// list reads a string-or-list value as the parser's stringOrList does: a
// null is no items, an array one item per element, anything else one item.
// Items that are not strings are reported against e.
func (sc *layoutScanner) list(e Element) (ValueKind, []TextPos) {
	if sc.peek() != '[' {
		v := sc.value()
		if sc.err || v.kind == KindString {
			return v.kind, sc.keep(v.pos)
		}
		sc.problem(ProblemType, e, e.String()+" must be a string or an array of strings", v.pos)
		if v.kind == KindNull {
			return v.kind, nil
		}
		return v.kind, sc.keep(v.pos)
	}
	items := sc.scratch[:0]
	sc.array(func() {
		v := sc.value()
		if !sc.err && v.kind != KindString {
			sc.problem(ProblemType, e, e.String()+" items must be strings", v.pos)
		}
		items = append(items, v.pos)
	})
	sc.scratch = items[:0]
	return KindArray, sc.keep(items...)
}

// listElement reads Action, NotAction, Resource or NotResource. Written
// twice, an array adds to the earlier items and a string replaces them, as
// stringOrList does; a null leaves them.
func (sc *layoutScanner) listElement(es *[]ElementPos, e Element, key string, kpos TextPos) {
	kind, items := sc.list(e)
	if sc.err {
		return
	}
	p := ElementPos{Elem: e, Name: key, Pos: TextPos{kpos.Start, sc.point()}, Kind: kind, Items: items}
	if old, ok := findElement(*es, e); ok {
		switch kind {
		case KindNull:
			return
		case KindArray:
			p.Items = append(slices.Clip(old.Items), items...)
		}
	}
	put(es, p)
}

// principal reads a Principal or NotPrincipal: "*" or an object of
// principal types, each a string or a list.
func (sc *layoutScanner) principal(e Element, key string, kpos TextPos) (ElementPos, bool) {
	p := ElementPos{Elem: e, Name: key}
	if sc.peek() != '{' {
		v := sc.value()
		p.Kind = v.kind
		switch {
		case sc.err:
		case v.kind == KindString:
			p.Items = sc.keep(v.pos)
		default:
			sc.problem(ProblemType, e, e.String()+` must be "*" or an object of principal types`, v.pos)
		}
	} else {
		p.Kind = KindObject
		sc.object(func(tkey string, tpos TextPos) {
			t := principalType(tkey)
			if t == 0 {
				sc.problem(ProblemUnknownElement, e, tkey, tpos)
				sc.value()
				return
			}
			if _, ok := findElement(p.Members, t); ok {
				sc.problem(ProblemDuplicate, e, tkey, tpos)
			}
			kind, items := sc.list(t)
			if !sc.err {
				put(&p.Members, ElementPos{Elem: t, Name: tkey, Pos: TextPos{tpos.Start, sc.point()}, Kind: kind, Items: items})
			}
		})
	}
	p.Pos = TextPos{kpos.Start, sc.point()}
	p.Members = slices.Clone(p.Members)
	return p, !sc.err
}

// principalType matches a principal type exactly, as parsePrincipal does.
func principalType(key string) Element {
	for e := ElemAWS; e <= ElemCanonicalUser; e++ {
		if key == e.String() {
			return e
		}
	}
	return 0
}

// opEntry is one operator of a Condition block while it is read.
type opEntry struct {
	name    string
	pos     TextPos // the operator key
	unknown *TextPos
	keys    []keyEntry
}

type keyEntry struct {
	name   string
	pos    TextPos
	values []TextPos
}

// condition reads a Condition block. Its ConditionPos entries come out in
// the parser's order (operators, then keys, sorted), the last of duplicate
// keys kept; a block or operator given as a string holding Unknown stands
// for one condition, as in parseConditions.
func (sc *layoutScanner) condition(key string, kpos TextPos) (ElementPos, []ConditionPos, bool) {
	p := ElementPos{Elem: ElemCondition, Name: key}
	if sc.peek() != '{' {
		v := sc.value()
		p.Kind = v.kind
		p.Pos = TextPos{kpos.Start, sc.point()}
		var cs []ConditionPos
		switch {
		case sc.err:
		case v.kind == KindString && sc.holdsUnknown(v.pos):
			cs = []ConditionPos{{Operator: v.pos, Key: v.pos, Values: sc.keep(v.pos)}}
		default:
			sc.problem(ProblemType, ElemCondition, "Condition must be an object of operators", v.pos)
		}
		return p, cs, !sc.err
	}
	p.Kind = KindObject
	var ops []opEntry
	sc.object(func(op string, opos TextPos) {
		i := slices.IndexFunc(ops, func(o opEntry) bool { return o.name == op })
		if i >= 0 {
			sc.problem(ProblemDuplicate, ElemCondition, op, opos)
			ops[i] = opEntry{name: op}
		} else {
			ops = append(ops, opEntry{name: op})
			i = len(ops) - 1
		}
		ops[i].pos = opos
		member := ElementPos{Elem: ElemOperator, Name: op}
		member.Kind, ops[i].keys, ops[i].unknown = sc.operator(op)
		if !sc.err {
			member.Pos = TextPos{opos.Start, sc.point()}
			if i < len(p.Members) && p.Members[i].Name == op {
				p.Members[i] = member
			} else {
				p.Members = append(p.Members, member)
			}
		}
	})
	p.Pos = TextPos{kpos.Start, sc.point()}
	if sc.err {
		return p, nil, false
	}
	p.Members = slices.Clone(p.Members)
	slices.SortFunc(ops, func(a, b opEntry) int { return strings.Compare(a.name, b.name) })
	n := 0
	for _, o := range ops {
		if o.unknown != nil {
			n++
		} else {
			n += len(o.keys)
		}
	}
	if n == 0 {
		return p, nil, true
	}
	cs := make([]ConditionPos, 0, n)
	for _, o := range ops {
		if o.unknown != nil {
			cs = append(cs, ConditionPos{Operator: o.pos, Key: *o.unknown, Values: sc.keep(*o.unknown)})
			continue
		}
		slices.SortFunc(o.keys, func(a, b keyEntry) int { return strings.Compare(a.name, b.name) })
		for _, k := range o.keys {
			cs = append(cs, ConditionPos{Operator: o.pos, Key: k.pos, Values: k.values})
		}
	}
	return p, cs, true
}

// operator reads the value of one Condition operator: an object of keys,
// each a string or a list of values.
func (sc *layoutScanner) operator(op string) (ValueKind, []keyEntry, *TextPos) {
	if sc.peek() != '{' {
		v := sc.value()
		switch {
		case sc.err:
		case v.kind == KindString && sc.holdsUnknown(v.pos):
			return v.kind, nil, &v.pos
		default:
			sc.problem(ProblemType, ElemCondition, "condition operator "+op+" must map condition keys to values", v.pos)
		}
		return v.kind, nil, nil
	}
	var keys []keyEntry
	sc.object(func(k string, kp TextPos) {
		i := slices.IndexFunc(keys, func(e keyEntry) bool { return e.name == k })
		if i >= 0 {
			sc.problem(ProblemDuplicate, ElemCondition, k, kp)
		}
		vals := sc.conditionValues(k)
		if sc.err {
			return
		}
		e := keyEntry{name: k, pos: kp, values: vals}
		if i >= 0 {
			keys[i] = e
		} else {
			keys = append(keys, e)
		}
	})
	return KindObject, keys, nil
}

// conditionValues reads a condition key's values: strings, numbers or
// booleans, alone or in an array.
func (sc *layoutScanner) conditionValues(key string) []TextPos {
	scalar := func(v value) {
		if !sc.err && (v.kind == KindArray || v.kind == KindObject || v.kind == KindNull) {
			sc.problem(ProblemType, ElemCondition, "values of condition key "+key+" must be strings, numbers or booleans", v.pos)
		}
	}
	if sc.peek() != '[' {
		v := sc.value()
		scalar(v)
		if v.kind == KindNull {
			return nil
		}
		return sc.keep(v.pos)
	}
	vals := sc.scratch[:0]
	sc.array(func() {
		v := sc.value()
		scalar(v)
		vals = append(vals, v.pos)
	})
	sc.scratch = vals[:0]
	return sc.keep(vals...)
}

// holdsUnknown reports whether the string at pos holds Unknown.
func (sc *layoutScanner) holdsUnknown(pos TextPos) bool {
	return strings.Contains(decodeString(sc.s[pos.Start:pos.End]), Unknown)
}

// object reads an object at the next '{', calling member for each key with
// the key decoded and its span; member reads the value.
func (sc *layoutScanner) object(member func(key string, kpos TextPos)) {
	if !sc.open('{') {
		return
	}
	if sc.peek() == '}' {
		sc.close()
		return
	}
	for !sc.err {
		if sc.peek() != '"' {
			sc.unexpected()
			return
		}
		start := sc.point()
		raw := sc.str()
		if sc.err {
			return
		}
		kpos := TextPos{start, sc.point()}
		if sc.peek() != ':' {
			sc.unexpected()
			return
		}
		sc.off++
		member(decodeString(raw), kpos)
		if sc.err {
			return
		}
		switch sc.peek() {
		case ',':
			sc.off++
		case '}':
			sc.close()
			return
		default:
			sc.unexpected()
			return
		}
	}
}

// array reads an array at the next '[', calling item to read each element.
func (sc *layoutScanner) array(item func()) {
	if !sc.open('[') {
		return
	}
	if sc.peek() == ']' {
		sc.close()
		return
	}
	for !sc.err {
		item()
		if sc.err {
			return
		}
		switch sc.peek() {
		case ',':
			sc.off++
		case ']':
			sc.close()
			return
		default:
			sc.unexpected()
			return
		}
	}
}

func (sc *layoutScanner) open(c byte) bool {
	if sc.peek() != c {
		sc.unexpected()
		return false
	}
	sc.depth++
	if sc.depth > maxDepth {
		sc.fail("exceeded max depth")
		return false
	}
	sc.off++
	return true
}

func (sc *layoutScanner) close() {
	sc.depth--
	sc.off++
}

// value reads any JSON value.
func (sc *layoutScanner) value() value {
	c := sc.peek()
	start := sc.point()
	var k ValueKind
	switch {
	case c == '{':
		k = KindObject
		sc.object(func(string, TextPos) { sc.value() })
	case c == '[':
		k = KindArray
		sc.array(func() { sc.value() })
	case c == '"':
		k = KindString
		sc.str()
	case c == '-' || c >= '0' && c <= '9':
		k = KindNumber
		sc.number()
	case c == 't':
		k = KindBool
		sc.literal("true")
	case c == 'f':
		k = KindBool
		sc.literal("false")
	case c == 'n':
		k = KindNull
		sc.literal("null")
	default:
		sc.unexpected()
	}
	return value{kind: k, pos: TextPos{start, sc.point()}}
}

func (sc *layoutScanner) literal(lit string) {
	for i := 0; i < len(lit); i++ {
		if sc.off >= len(sc.s) || sc.s[sc.off] != lit[i] {
			sc.unexpected()
			return
		}
		sc.off++
	}
}

func (sc *layoutScanner) digits() int {
	n := 0
	for sc.off < len(sc.s) && sc.s[sc.off] >= '0' && sc.s[sc.off] <= '9' {
		sc.off++
		n++
	}
	return n
}

func (sc *layoutScanner) number() {
	if sc.s[sc.off] == '-' {
		sc.off++
	}
	switch {
	case sc.off < len(sc.s) && sc.s[sc.off] == '0':
		sc.off++
	case sc.digits() == 0:
		sc.unexpected()
		return
	}
	if sc.off < len(sc.s) && sc.s[sc.off] == '.' {
		sc.off++
		if sc.digits() == 0 {
			sc.unexpected()
			return
		}
	}
	if sc.off < len(sc.s) && (sc.s[sc.off] == 'e' || sc.s[sc.off] == 'E') {
		sc.off++
		if sc.off < len(sc.s) && (sc.s[sc.off] == '+' || sc.s[sc.off] == '-') {
			sc.off++
		}
		if sc.digits() == 0 {
			sc.unexpected()
		}
	}
}

// str reads a string at sc.off and returns it as written, quotes included.
func (sc *layoutScanner) str() string {
	start := sc.off
	sc.off++
	for sc.off < len(sc.s) {
		switch c := sc.s[sc.off]; {
		case c == '"':
			sc.off++
			return sc.s[start:sc.off]
		case c == '\\':
			sc.off++
			if sc.off >= len(sc.s) {
				sc.unexpected()
				return ""
			}
			switch sc.s[sc.off] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				sc.off++
			case 'u':
				sc.off++
				for range 4 {
					if sc.off >= len(sc.s) || !isHex(sc.s[sc.off]) {
						sc.fail("invalid character in \\u escape")
						return ""
					}
					sc.off++
				}
			default:
				sc.fail("invalid escape character %q in string", sc.s[sc.off])
				return ""
			}
		case c < 0x20:
			sc.fail("invalid control character %q in string", c)
			return ""
		default:
			sc.off++
		}
	}
	sc.fail("unexpected end of JSON input")
	return ""
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// decodeString returns the text of a valid JSON string literal as
// encoding/json decodes it, without allocating in the common case.
func decodeString(raw string) string {
	inner := raw[1 : len(raw)-1]
	if !strings.ContainsRune(inner, '\\') && utf8.ValidString(inner) {
		return inner
	}
	var v string
	_ = json.Unmarshal([]byte(raw), &v) // raw is a valid literal
	return v
}
