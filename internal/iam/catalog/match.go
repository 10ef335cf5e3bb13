package catalog

import (
	"sort"
	"strings"
)

// Match returns the actions an IAM action pattern covers, compared
// case-insensitively, with "*" for any run of characters and "?" for one,
// anywhere in the pattern: "*", "s3:*", "s3:Get*", "iam:*Policy*",
// "*:Get*". The set is new and the caller's to change.
//
// A name holds exactly one ':', so a pattern with one ':' matches service
// prefix and action name separately: a literal prefix looks up one service
// and the action part is searched only among that service's actions whose
// names start with its literal beginning.
func (c *Catalog) Match(pattern string) Set {
	if pattern == "*" {
		return c.All()
	}
	s := c.NewSet()
	svcPat, actPat, ok := strings.Cut(pattern, ":")
	switch {
	case !ok:
		if wild(pattern) {
			for _, a := range c.actions {
				if globFold(pattern, a.full) {
					s.Add(a.ID)
				}
			}
		}
	case strings.Contains(actPat, ":"):
		// two ':' cannot both match a name's one ':'.
	case !wild(svcPat):
		if svc := c.Service(svcPat); svc != nil {
			matchActions(&s, svc, actPat)
		}
	default:
		for _, svc := range c.services {
			if globFold(svcPat, svc.Prefix) {
				matchActions(&s, svc, actPat)
			}
		}
	}
	return s
}

// matchActions adds the actions of svc whose names match pattern.
func matchActions(s *Set, svc *Service, pattern string) {
	acts := svc.Actions
	if len(acts) == 0 {
		return
	}
	lit := pattern
	if i := strings.IndexAny(pattern, "*?"); i >= 0 {
		lit = pattern[:i]
	}
	if lit == pattern { // no wildcard: at most one action
		i := sort.Search(len(acts), func(i int) bool { return compareFold(acts[i].Name, lit) >= 0 })
		if i < len(acts) && compareFold(acts[i].Name, lit) == 0 {
			s.Add(acts[i].ID)
		}
		return
	}
	// Names are sorted case-insensitively, so those starting with lit are a run.
	lo := sort.Search(len(acts), func(i int) bool { return compareFold(acts[i].Name, lit) >= 0 })
	hi := lo + sort.Search(len(acts)-lo, func(i int) bool { return !hasPrefixFold(acts[lo+i].Name, lit) })
	if pattern == lit+"*" {
		if lo < hi {
			s.addRange(acts[lo].ID, acts[hi-1].ID+1)
		}
		return
	}
	for _, a := range acts[lo:hi] {
		if globFold(pattern, a.Name) {
			s.Add(a.ID)
		}
	}
}

func wild(s string) bool { return strings.ContainsAny(s, "*?") }

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && compareFold(s[:len(prefix)], prefix) == 0
}

// globFold reports whether s matches pattern ("*" any run, "?" one byte),
// folding ASCII case on both sides. It backtracks to the last star only, so
// it is linear in practice and never exponential, and it does not allocate.
// Names are ASCII, so bytes are characters.
func globFold(pattern, s string) bool {
	pi, si := 0, 0
	star, mark := -1, 0
	for si < len(s) {
		switch {
		case pi < len(pattern) && pattern[pi] == '*':
			star, mark = pi, si
			pi++
		case pi < len(pattern) && (pattern[pi] == '?' || lower(pattern[pi]) == lower(s[si])):
			pi++
			si++
		case star >= 0:
			pi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for pi < len(pattern) && pattern[pi] == '*' {
		pi++
	}
	return pi == len(pattern)
}
