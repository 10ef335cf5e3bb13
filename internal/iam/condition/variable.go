package condition

import (
	"strings"

	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// variable is a policy variable: "${aws:username}", "${aws:PrincipalTag/team,
// 'none'}", or one of the fixed "${*}", "${?}", "${$}".
type variable struct {
	key string
	// def is the default value, used when the key has no single value.
	def    string
	hasDef bool
	// unknown marks iammodel.Unknown, which reads as a variable.
	unknown bool
}

// parseVariable reads the variable at s[i:], which starts with "${", and
// returns it with the index just past its closing brace. ok is false when
// the text is not a variable (no closing brace, no key, another "${" inside
// the key): it is then literal.
// Spaces around the key and the default are ignored; the default is quoted
// with single quotes, as AWS documents ("${aws:userid, 'anonymous'}").
func parseVariable(s string, i int) (v variable, end int, ok bool) {
	j := i + 2
	k := j
	for k < len(s) && s[k] != '}' && s[k] != ',' {
		if s[k] == '$' && k+1 < len(s) && s[k+1] == '{' {
			return variable{}, 0, false
		}
		k++
	}
	if k == len(s) {
		return variable{}, 0, false
	}
	v.key = strings.TrimSpace(s[j:k])
	if v.key == "" {
		return variable{}, 0, false
	}
	if s[k] == ',' {
		k++
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if k == len(s) || s[k] != '\'' {
			return variable{}, 0, false
		}
		q := strings.IndexByte(s[k+1:], '\'')
		if q < 0 {
			return variable{}, 0, false
		}
		v.def, v.hasDef = s[k+1:k+1+q], true
		k += q + 2
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if k == len(s) || s[k] != '}' {
			return variable{}, 0, false
		}
	}
	v.unknown = s[i:k+1] == iammodel.Unknown
	return v, k + 1, true
}

// resolution is what a variable stands for in one request.
type resolution uint8

const (
	// resolved: the variable stands for text, a literal without wildcards.
	resolved resolution = iota
	// unresolved: nobody knows the value (or whether there is one).
	unresolved
	// failed: the key has no single value and there is no default, so the
	// value holding the variable matches nothing.
	failed
)

// resolve returns the text v stands for in ctx. Only a key with exactly one
// value substitutes: AWS does not substitute multivalued keys, and a key
// with no value falls back to the default.
func (v variable) resolve(ctx *Context) (string, resolution) {
	if v.unknown {
		return "", unresolved
	}
	if !v.hasDef {
		switch v.key {
		case "*", "?", "$":
			return v.key, resolved
		}
	}
	e := ctx.get(v.key)
	switch {
	case e.state == Unknown:
		return "", unresolved
	case e.state == Present && len(e.values) == 1:
		if e.unknown && strings.Contains(e.values[0], iammodel.Unknown) {
			return "", unresolved
		}
		return e.values[0], resolved
	case v.hasDef:
		return v.def, resolved
	}
	return "", failed
}

// Substitute replaces the policy variables in s (a Resource or Condition
// value) with their values in ctx: any context key ("${aws:username}",
// "${aws:PrincipalTag/team}", "${s3:prefix}"), the fixed "${*}", "${?}" and
// "${$}" for the literal characters, and defaults ("${aws:username,
// 'guest'}") for keys without a single value.
//
// It returns True with the substituted text when every variable has a
// value; False (and "") when one names a key that is absent or multivalued
// and has no default, so the element matches nothing; and Maybe when a
// value is not known, with iammodel.Unknown standing for each unknown value.
// Text that only looks like a variable (no closing brace) stays as written.
//
// The substituted text no longer tells a literal "*" from "${*}" apart from
// a wildcard; Evaluate keeps them apart itself.
func Substitute(s string, ctx *Context) (string, Result) {
	i := strings.Index(s, "${")
	if i < 0 {
		return s, True
	}
	var b strings.Builder
	b.Grow(len(s))
	res := True
	for i >= 0 {
		v, end, ok := parseVariable(s, i)
		if !ok {
			b.WriteString(s[:i+2])
			s = s[i+2:]
			i = strings.Index(s, "${")
			continue
		}
		b.WriteString(s[:i])
		switch text, r := v.resolve(ctx); r {
		case resolved:
			b.WriteString(text)
		case unresolved:
			b.WriteString(iammodel.Unknown)
			res = Maybe
		default:
			return "", False
		}
		s = s[end:]
		i = strings.Index(s, "${")
	}
	b.WriteString(s)
	return b.String(), res
}
