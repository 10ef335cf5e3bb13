package condition

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// pattern is a string or ARN condition value read against one request. It
// substitutes policy variables as it goes rather than building the
// substituted text, so matching does not allocate.
type pattern struct {
	raw string
	ctx *Context
	// wild makes '*' and '?' in raw wildcards (StringLike, the ARN operators).
	wild bool
	// fold compares ignoring case (the IgnoreCase operators).
	fold bool
}

// element kinds, as the pattern reads them.
type elem uint8

const (
	// elemText is literal text: policy text, a variable's value or a fixed
	// "${*}"-style character.
	elemText elem = iota
	elemStar
	elemOne
	// elemUnknown is text nobody knows: it may be any text, so it matches
	// like '*' but only ever makes the match Maybe.
	elemUnknown
	// elemNoValue is a variable without a value: the pattern matches nothing.
	elemNoValue
)

// next reads the element at raw[i:] and returns it with the index past it.
func (p *pattern) next(i int) (elem, string, int) {
	c := p.raw[i]
	if c == '$' && i+1 < len(p.raw) && p.raw[i+1] == '{' {
		if v, end, ok := parseVariable(p.raw, i); ok {
			s, r := v.resolve(p.ctx)
			switch r {
			case unresolved:
				return elemUnknown, "", end
			case failed:
				return elemNoValue, "", end
			}
			return elemText, s, end
		}
	}
	if p.wild {
		switch c {
		case '*':
			return elemStar, "", i + 1
		case '?':
			return elemOne, "", i + 1
		}
	}
	j := i + 1
	for j < len(p.raw) && !p.special(p.raw[j]) {
		j++
	}
	return elemText, p.raw[i:j], j
}

func (p *pattern) special(c byte) bool {
	return c == '$' || p.wild && (c == '*' || c == '?')
}

// scan reports whether some variable has no value (the pattern matches
// nothing) and whether some part is unknown.
func (p *pattern) scan() (noVal, unknown bool) {
	for i := 0; i < len(p.raw); {
		k, _, n := p.next(i)
		switch k {
		case elemNoValue:
			return true, unknown
		case elemUnknown:
			unknown = true
		}
		i = n
	}
	return false, unknown
}

// match matches s against the pattern. With arn set, the pattern and s are
// ARNs compared segment by segment: wildcards do not cross the colons that
// separate the first five segments, and the resource segment takes the rest.
// The caller has checked that s has those colons.
func (p *pattern) match(s string, arn bool) Result {
	if p.wild && !strings.Contains(p.raw, "${") {
		return boolResult(globText(p.raw, s, arn))
	}
	noVal, unknown := p.scan()
	switch {
	case noVal:
		return False
	case !unknown:
		return boolResult(p.glob(s, arn))
	}
	// An unknown part may hold any number of colons, so with one the ARN
	// segments cannot be lined up: a match that ignores them may happen,
	// and one that fails even so cannot.
	if p.glob(s, false) {
		return Maybe
	}
	return False
}

// glob is wildcard matching with backtracking to the last '*' (an unknown
// part counts as one): O(len(raw)·len(s)) at worst, never exponential.
func (p *pattern) glob(s string, arn bool) bool {
	pi, si := 0, 0
	starP, starS, starSegs := -1, 0, 0
	segs := 0 // colons of the first five passed in the pattern
	for {
		if pi < len(p.raw) {
			k, t, n := p.next(pi)
			switch k {
			case elemStar, elemUnknown:
				starP, starS, starSegs = n, si, segs
				pi = n
				continue
			case elemOne:
				if si < len(s) {
					r, w := utf8.DecodeRuneInString(s[si:])
					if !arn || segs >= 5 || r != ':' {
						si += w
						pi = n
						continue
					}
				}
			case elemText:
				if w, ok := p.prefix(s[si:], t); ok {
					if arn && segs < 5 {
						segs += strings.Count(t, ":")
					}
					si += w
					pi = n
					continue
				}
			case elemNoValue:
				return false
			}
		} else if si == len(s) {
			return true
		}
		if starP < 0 || starS >= len(s) {
			return false
		}
		r, w := utf8.DecodeRuneInString(s[starS:])
		if arn && starSegs < 5 && r == ':' {
			return false
		}
		starS += w
		pi, si, segs = starP, starS, starSegs
	}
}

// globText is glob for a pattern without variables, where every '*' and
// '?' is a wildcard: the common case, kept free of element decoding.
func globText(p, s string, arn bool) bool {
	pi, si := 0, 0
	starP, starS, starSegs := -1, 0, 0
	segs := 0
	for {
		if pi < len(p) {
			switch c := p[pi]; c {
			case '*':
				starP, starS, starSegs = pi+1, si, segs
				pi++
				continue
			case '?':
				if si < len(s) && (!arn || segs >= 5 || s[si] != ':') {
					si += runeLen(s, si)
					pi++
					continue
				}
			default:
				if si < len(s) && s[si] == c {
					if arn && c == ':' && segs < 5 {
						segs++
					}
					si++
					pi++
					continue
				}
			}
		} else if si == len(s) {
			return true
		}
		if starP < 0 || starS >= len(s) || arn && starSegs < 5 && s[starS] == ':' {
			return false
		}
		starS += runeLen(s, starS)
		pi, si, segs = starP, starS, starSegs
	}
}

// runeLen is the length of the rune at s[i:].
func runeLen(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 1
	}
	_, w := utf8.DecodeRuneInString(s[i:])
	return w
}

// prefix reports whether s starts with t and how many bytes of s that takes.
func (p *pattern) prefix(s, t string) (int, bool) {
	if !p.fold {
		return len(t), strings.HasPrefix(s, t)
	}
	n := 0
	for _, tr := range t {
		if n >= len(s) {
			return 0, false
		}
		sr, w := utf8.DecodeRuneInString(s[n:])
		if !equalFold(sr, tr) {
			return 0, false
		}
		n += w
	}
	return n, true
}

// equalFold reports whether a and b are equal under simple Unicode case
// folding, as strings.EqualFold compares runes.
func equalFold(a, b rune) bool {
	if a == b {
		return true
	}
	if a < b {
		a, b = b, a
	}
	if a < utf8.RuneSelf {
		return 'A' <= b && b <= 'Z' && a == b+'a'-'A'
	}
	r := unicode.SimpleFold(b)
	for r != b && r < a {
		r = unicode.SimpleFold(r)
	}
	return r == a
}

// isARN reports whether s has the six colon-separated parts of an ARN.
func isARN(s string) bool {
	n := 0
	for i := 0; i < len(s) && n < 5; i++ {
		if s[i] == ':' {
			n++
		}
	}
	return n == 5
}

func boolResult(b bool) Result {
	if b {
		return True
	}
	return False
}
