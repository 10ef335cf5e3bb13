package catalog

import "strings"

// An arnPattern is a resource type's ARN pattern compiled for matching:
// literal bytes, and each ${Variable} as one character followed by any run
// (AWS never leaves a variable part empty) that excludes the separators the
// variable cannot hold.
type arnPattern []arnToken

type arnToken struct {
	kind uint8 // tokLit, tokOne or tokMany
	stop uint8 // for variables: stopSlash, stopColon
	b    byte  // for literals
}

const (
	tokLit  = iota
	tokOne  // a variable's first character
	tokMany // the rest of a variable
)

const (
	stopSlash = 1 << iota
	stopColon
)

func (t arnToken) allows(c byte) bool {
	return !(c == '/' && t.stop&stopSlash != 0 || c == ':' && t.stop&stopColon != 0)
}

// variables calls f for each ${Name} of pattern with the byte after it (0 at
// the end).
func variables(pattern string, f func(start, end int, name string, next byte)) {
	for i := 0; i < len(pattern); {
		j := strings.Index(pattern[i:], "${")
		if j < 0 {
			return
		}
		start := i + j
		k := strings.IndexByte(pattern[start:], '}')
		if k < 0 {
			return
		}
		end := start + k + 1
		var next byte
		if end < len(pattern) {
			next = pattern[end]
		}
		f(start, end, pattern[start+2:end-1], next)
		i = end
	}
}

// compilePatterns compiles the ARN patterns of s's resource types. A
// variable inside a pattern never holds ':'; the last one may, as object
// keys and qualified names do. Whether a variable may hold '/' is read off
// the service's own patterns: one that some pattern follows with '/'
// (${BucketName} in ${BucketName}/${ObjectName}) never does, so a bucket
// pattern does not match an object ARN. Learning ':' the same way would
// reject the "log-group:name:*" form AWS itself reports for log groups.
func compilePatterns(s *Service) {
	noSlash := map[string]bool{}
	for _, t := range s.ResourceTypes {
		for alt := range strings.SplitSeq(t.ARN, ", ") {
			variables(alt, func(_, _ int, name string, next byte) {
				if next == '/' {
					noSlash[name] = true
				}
			})
		}
	}
	for _, t := range s.ResourceTypes {
		for alt := range strings.SplitSeq(t.ARN, ", ") {
			p := make(arnPattern, 0, len(alt))
			last := 0
			variables(alt, func(start, end int, name string, _ byte) {
				for i := last; i < start; i++ {
					p = append(p, arnToken{kind: tokLit, b: alt[i]})
				}
				var stop uint8
				if noSlash[name] {
					stop |= stopSlash
				}
				if end < len(alt) {
					stop |= stopColon
				}
				p = append(p, arnToken{kind: tokOne, stop: stop}, arnToken{kind: tokMany, stop: stop})
				last = end
			})
			for i := last; i < len(alt); i++ {
				p = append(p, arnToken{kind: tokLit, b: alt[i]})
			}
			t.patterns = append(t.patterns, p)
		}
	}
}

// Matches reports whether arn may name a resource of this type. Each
// ${Variable} of the pattern matches a non-empty run without the separators
// it cannot hold (see compilePatterns: ${BucketName} holds no '/',
// ${ObjectName} anything). Wildcards in arn, "*" and "?", and policy
// variables such as ${aws:username} are accepted where they could produce a
// match: "arn:aws:s3:::*" may be a bucket and may be an object.
// Comparison is case-sensitive, as AWS compares ARNs.
func (r *ResourceType) Matches(arn string) bool {
	for _, p := range r.patterns {
		if p.match(arn) {
			return true
		}
	}
	return false
}

// match runs the pattern as an automaton over arn, tracking every pattern
// position some prefix of arn can reach. A wildcard in arn consumes any
// string, so it reaches every position from the first one reached.
func (p arnPattern) match(arn string) bool {
	var buf [2][160]bool
	cur, next := buf[0][:], buf[1][:]
	if len(p)+1 > len(cur) {
		cur, next = make([]bool, len(p)+1), make([]bool, len(p)+1)
	}
	cur, next = cur[:len(p)+1], next[:len(p)+1]
	cur[0] = true
	p.closure(cur)
	for i := 0; i < len(arn); i++ {
		clear(next)
		c := arn[i]
		star := c == '*'
		if c == '$' && i+1 < len(arn) && arn[i+1] == '{' {
			if k := strings.IndexByte(arn[i:], '}'); k >= 0 {
				star, i = true, i+k
			}
		}
		moved := false
		switch {
		case star:
			for j, ok := range cur {
				if ok {
					for k := j; k < len(next); k++ {
						next[k] = true
					}
					moved = true
					break
				}
			}
		default:
			for j, ok := range cur[:len(p)] {
				if !ok {
					continue
				}
				t := p[j]
				switch {
				case t.kind == tokLit && (c == '?' || c == t.b):
					next[j+1], moved = true, true
				case t.kind == tokOne && (c == '?' || t.allows(c)):
					next[j+1], moved = true, true
				case t.kind == tokMany && (c == '?' || t.allows(c)):
					next[j], moved = true, true
				}
			}
		}
		if !moved {
			return false
		}
		p.closure(next)
		cur, next = next, cur
	}
	return cur[len(p)]
}

// closure adds the positions reachable by skipping the rest of a variable.
func (p arnPattern) closure(reach []bool) {
	for j, t := range p {
		if reach[j] && t.kind == tokMany {
			reach[j+1] = true
		}
	}
}
