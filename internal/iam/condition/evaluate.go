package condition

import (
	"net/netip"
	"strings"

	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// value is one policy value of a condition, read for its operator.
type value struct {
	raw string
	// bad marks a value that does not parse for the operator; the whole
	// condition is then false, as AWS treats a malformed condition.
	bad bool
	// unknown marks a value holding iammodel.Unknown for an operator that
	// does not read text: it may be anything.
	unknown bool
	// vars marks text holding "${": policy variables to substitute.
	vars bool
	// all marks a StringLike value of stars only, which matches any value.
	all bool
	b   bool
	num float64
	t   instant
	ip  netip.Prefix
	bin string
}

// readValue reads raw for op.
func readValue(op base, raw string) value {
	v := value{raw: raw}
	f := op.family()
	if op.variables() {
		v.vars = strings.Contains(raw, "${")
	} else if strings.Contains(raw, iammodel.Unknown) {
		v.unknown = true
		return v
	}
	var ok bool
	switch f {
	case textFamily:
		v.all = op.wild() && raw != "" && strings.Trim(raw, "*") == ""
		ok = true
	case arnFamily:
		ok = v.vars || isARN(raw)
	case boolFamily:
		ok = v.vars
		if !ok {
			v.b, ok = parseBool(raw)
		}
	case nullFamily:
		v.b, ok = parseBool(raw)
	case numericFamily:
		v.num, ok = parseNumber(raw)
	case dateFamily:
		v.t, ok = parseDate(raw)
	case ipFamily:
		v.ip, ok = parsePrefix(raw)
	case binaryFamily:
		v.bin, ok = decodeBinary(raw)
	}
	v.bad = !ok
	return v
}

// pattern returns the value as a string or ARN pattern for op in ctx.
func (v *value) pattern(op base, ctx *Context) pattern {
	return pattern{raw: v.raw, ctx: ctx, wild: op.wild(), fold: op.fold()}
}

// boolean returns a Bool value, substituting its variables.
func (v *value) boolean(ctx *Context) (b bool, r Result) {
	if !v.vars {
		return v.b, True
	}
	s, r := Substitute(v.raw, ctx)
	if r != True {
		return false, r
	}
	b, ok := parseBool(s)
	return b, boolResult(ok)
}

// matchesAnyRequest returns how the value matches a request value nobody knows, before
// negation: False when it matches nothing (a variable without a value),
// True when it matches any value (StringLike "*"), Maybe otherwise.
func (v *value) matchesAnyRequest(op base, ctx *Context) Result {
	if !v.vars {
		if v.all {
			return True
		}
		return Maybe
	}
	p := v.pattern(op, ctx)
	if noVal, _ := p.scan(); noVal {
		return False
	}
	return Maybe
}

// request is one request value, read for the operator.
type request struct {
	raw     string
	unknown bool
	num     float64
	t       instant
	ip      netip.Prefix
	b       bool
	bin     string
}

// readRequest reads a request value; ok is false when it does not parse for
// the operator.
func readRequest(op base, raw string, mayHoldUnknown bool) (request, bool) {
	r := request{raw: raw}
	if mayHoldUnknown && strings.Contains(raw, iammodel.Unknown) {
		r.unknown = true
		return r, true
	}
	ok := true
	switch op.family() {
	case arnFamily:
		ok = isARN(raw)
	case numericFamily:
		r.num, ok = parseNumber(raw)
	case dateFamily:
		r.t, ok = parseDate(raw)
	case ipFamily:
		if strings.IndexByte(raw, '/') >= 0 {
			r.ip, ok = parsePrefix(raw)
		} else {
			a, err := netip.ParseAddr(raw)
			ok = err == nil && a.Zone() == ""
			a = a.Unmap()
			r.ip = netip.PrefixFrom(a, a.BitLen())
		}
	case boolFamily:
		r.b, ok = parseBool(raw)
	case binaryFamily:
		r.bin, ok = decodeBinary(raw)
	}
	return r, ok
}

// matches compares one policy value with one request value, before
// negation.
func (v *value) matches(op base, r *request, ctx *Context) Result {
	if v.unknown {
		return Maybe
	}
	if r.unknown {
		return v.matchesAnyRequest(op, ctx)
	}
	switch op.family() {
	case textFamily:
		switch {
		case v.all:
			return True
		case !v.vars && !op.wild():
			if op.fold() {
				return boolResult(strings.EqualFold(v.raw, r.raw))
			}
			return boolResult(v.raw == r.raw)
		}
		p := v.pattern(op, ctx)
		return p.match(r.raw, false)
	case arnFamily:
		p := v.pattern(op, ctx)
		return p.match(r.raw, true)
	case boolFamily:
		b, res := v.boolean(ctx)
		if res != True {
			return res
		}
		return boolResult(b == r.b)
	case numericFamily:
		return boolResult(compare(op, cmpFloat(r.num, v.num)))
	case dateFamily:
		return boolResult(compare(op, r.t.compare(v.t)))
	case ipFamily:
		return contains(v.ip, r.ip)
	case binaryFamily:
		return boolResult(v.bin == r.bin)
	}
	return False
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// compare applies a numeric or date operator to c, the request value
// compared with the policy value (-1, 0, +1). NotEquals compares as Equals:
// the caller negates.
func compare(op base, c int) bool {
	switch op {
	case numericEquals, numericNotEquals, dateEquals, dateNotEquals:
		return c == 0
	case numericLessThan, dateLessThan:
		return c < 0
	case numericLessThanEquals, dateLessThanEquals:
		return c <= 0
	case numericGreaterThan, dateGreaterThan:
		return c > 0
	case numericGreaterThanEquals, dateGreaterThanEquals:
		return c >= 0
	}
	return false
}

// evaluate evaluates a parsed condition: op on key (lower case or not) with
// values vs.
func evaluate(op operator, key string, vs []value, ctx *Context) Result {
	if len(vs) == 0 {
		return False
	}
	for i := range vs {
		if vs[i].bad {
			return False
		}
	}
	e := ctx.get(key)
	if e.state == Present && len(e.values) == 0 {
		e.state = Absent
	}
	if op.base == null {
		return evaluateNull(vs, e.state)
	}
	switch e.state {
	case Absent:
		return op.absent()
	case Unknown:
		// Absent, or present with values nobody knows: each unknown value
		// compares with the policy values as perValue does, so a set of
		// them (any number but none) gives the same answer as one.
		return either(op.absent(), anyRequest(op.base, vs, ctx))
	}
	var acc Result
	for i, raw := range e.values {
		r, ok := readRequest(op.base, raw, e.unknown)
		if !ok {
			return False
		}
		m := perValue(op.base, vs, &r, ctx)
		switch {
		case i == 0:
			acc = m
		case op.set == forAllValues:
			acc = acc.And(m)
		case op.set == forAnyValue:
			acc = acc.Or(m)
		default:
			// AWS requires a set operator for a key with several values
			// and does not say what happens without one: the answer is
			// known only when every value gives the same one.
			acc = either(acc, m)
		}
	}
	return acc
}

// absent is the operator's result for a key that is not in the request.
func (op operator) absent() Result {
	switch {
	case op.ifExists, op.set == forAllValues:
		return True
	case op.set == forAnyValue:
		return False
	}
	return boolResult(op.base.negated())
}

// perValue compares one request value with the policy values: it matches
// when any of them does, and a negated operator holds when none does.
func perValue(op base, vs []value, r *request, ctx *Context) Result {
	acc := False
	for i := range vs {
		acc = acc.Or(vs[i].matches(op, r, ctx))
		if acc == True {
			break
		}
	}
	if op.negated() {
		return acc.Not()
	}
	return acc
}

// anyRequest is perValue for a request value nobody knows.
func anyRequest(op base, vs []value, ctx *Context) Result {
	r := request{unknown: true}
	return perValue(op, vs, &r, ctx)
}

// evaluateNull evaluates Null: "true" holds when the key is absent, "false"
// when it is present, and both together whether or not it is.
func evaluateNull(vs []value, st State) Result {
	if st == Unknown {
		return either(evaluateNull(vs, Absent), evaluateNull(vs, Present))
	}
	acc := False
	for i := range vs {
		m := Maybe
		if !vs[i].unknown {
			m = boolResult(vs[i].b == (st == Absent))
		}
		acc = acc.Or(m)
	}
	return acc
}
