package condition

import (
	"maps"
	"slices"
	"strings"

	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// State says what is known about one context key.
type State uint8

// Key states. The zero State is Unknown: a key nobody set may or may not be
// in the request.
const (
	Unknown State = iota
	Present
	Absent
)

func (s State) String() string {
	switch s {
	case Present:
		return "present"
	case Absent:
		return "absent"
	}
	return "unknown"
}

// Result is a three-valued truth: a condition on a key whose value is not
// known is neither true nor false.
type Result uint8

// Results. The zero Result is Maybe, so a forgotten case is never a silent
// yes or no.
const (
	Maybe Result = iota
	False
	True
)

func (r Result) String() string {
	switch r {
	case False:
		return "false"
	case True:
		return "true"
	}
	return "maybe"
}

// Not is three-valued negation: not Maybe is Maybe.
func (r Result) Not() Result {
	switch r {
	case False:
		return True
	case True:
		return False
	}
	return Maybe
}

// And is three-valued conjunction: False wins, then Maybe.
func (r Result) And(o Result) Result {
	if r == False || o == False {
		return False
	}
	if r == True && o == True {
		return True
	}
	return Maybe
}

// Or is three-valued disjunction: True wins, then Maybe.
func (r Result) Or(o Result) Result {
	if r == True || o == True {
		return True
	}
	if r == False && o == False {
		return False
	}
	return Maybe
}

// either is the result when the truth is one of a or b and nobody knows
// which: a when both agree, Maybe otherwise.
func either(a, b Result) Result {
	if a == b {
		return a
	}
	return Maybe
}

// Context is the request context a condition is evaluated against: keys
// fold case as AWS compares condition keys. Keys not set are Unknown, or
// Absent when the context is Closed. A value holding iammodel.Unknown is a
// value nobody knows (the key is present). A nil *Context knows nothing.
type Context struct {
	keys map[string]entry
	// Closed makes keys that were not set Absent rather than Unknown: the
	// caller describes a complete request.
	Closed bool
	// Parent is consulted for keys this context says nothing about, so a
	// request can add a few keys to a context shared by many requests (a
	// principal's) without copying it.
	Parent *Context
	// absentPrefixes make every key under a prefix Absent unless set:
	// "aws:principaltag/" when all of a principal's tags are known.
	absentPrefixes []string
}

// SetAbsentPrefix records that no key starting with prefix is in the
// request unless Set.
func (c *Context) SetAbsentPrefix(prefix string) {
	c.absentPrefixes = append(c.absentPrefixes, strings.ToLower(prefix))
}

// entry is what a Context records for one key.
type entry struct {
	values []string
	state  State
	// unknown reports that some value holds iammodel.Unknown, so matching
	// checks for it only where it can be.
	unknown bool
}

// Set records a key's values (several for multivalued keys such as
// aws:TagKeys). A key set with no values is present but empty, which every
// operator treats as AWS treats an empty data set: like an absent key.
func (c *Context) Set(key string, values ...string) {
	c.put(key, entry{
		values:  values,
		state:   Present,
		unknown: slices.ContainsFunc(values, func(v string) bool { return strings.Contains(v, iammodel.Unknown) }),
	})
}

// SetAbsent records that a key is not in the request.
func (c *Context) SetAbsent(key string) { c.put(key, entry{state: Absent}) }

// SetUnknown records that a key may or may not be in the request, with any
// value, even when the context is Closed.
func (c *Context) SetUnknown(key string) { c.put(key, entry{state: Unknown}) }

// put records e for key; the last Set, SetAbsent or SetUnknown of a key wins.
func (c *Context) put(key string, e entry) {
	if c.keys == nil {
		c.keys = map[string]entry{}
	}
	c.keys[strings.ToLower(key)] = e
}

// Lookup returns a key's values and what is known of it.
func (c *Context) Lookup(key string) ([]string, State) {
	e := c.get(key)
	return e.values, e.state
}

// get returns what is known of key. It lowers ASCII keys in a stack buffer:
// evaluation looks keys up millions of times and must not allocate.
func (c *Context) get(key string) entry {
	if c == nil {
		return entry{}
	}
	for x := c; x != nil; x = x.Parent {
		if e, ok := x.find(key); ok {
			return e
		}
		for _, p := range x.absentPrefixes {
			if len(key) >= len(p) && strings.EqualFold(key[:len(p)], p) {
				return entry{state: Absent}
			}
		}
	}
	if c.Closed {
		return entry{state: Absent}
	}
	return entry{}
}

func (c *Context) find(key string) (entry, bool) {
	if c.keys == nil {
		return entry{}, false
	}
	var buf [128]byte
	lower, ascii := true, true
	for i := 0; i < len(key); i++ {
		b := key[i]
		if b >= 0x80 {
			ascii = false
			break
		}
		if 'A' <= b && b <= 'Z' {
			lower = false
		}
	}
	switch {
	case ascii && lower:
		e, ok := c.keys[key]
		return e, ok
	case ascii && len(key) <= len(buf):
		b := buf[:len(key)]
		for i := 0; i < len(key); i++ {
			ch := key[i]
			if 'A' <= ch && ch <= 'Z' {
				ch += 'a' - 'A'
			}
			b[i] = ch
		}
		e, ok := c.keys[string(b)]
		return e, ok
	}
	e, ok := c.keys[strings.ToLower(key)]
	return e, ok
}

// Clone returns a copy of c that can be changed independently.
func (c *Context) Clone() *Context {
	return &Context{keys: maps.Clone(c.keys), Closed: c.Closed, Parent: c.Parent, absentPrefixes: slices.Clone(c.absentPrefixes)}
}
