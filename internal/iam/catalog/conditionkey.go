package catalog

import (
	"cmp"
	"slices"
	"strings"
)

// ConditionKey returns the condition key named key, compared
// case-insensitively, whether a service's or global, or nil. A key with a
// variable part answers for every key it stands for: "aws:RequestTag/Env"
// is "aws:RequestTag/${TagKey}", "s3:ExistingObjectTag/team" is
// "s3:ExistingObjectTag/<key>". When several templates fit, the one with
// the most literal text wins ("events:Metadata/${MetadataKey}/Matcher"
// over "events:Metadata/${MetadataKey}").
func (c *Catalog) ConditionKey(key string) *ConditionKey {
	q := strings.ToLower(key)
	if k, ok := c.keys[q]; ok {
		return k
	}
	for _, t := range c.templates {
		if t.match(q) {
			return t.key
		}
	}
	return nil
}

// template is a condition key with variable parts, "${TagKey}" or "<key>":
// the lower-case literal text around them. A variable matches any
// non-empty run, since tag keys and the like may hold '/' and ':'.
type template struct {
	key   *ConditionKey
	parts []string // len = variables + 1
	lits  int      // total length of parts
}

// newTemplate returns the template of k, if its name has a variable part.
func newTemplate(k *ConditionKey) (template, bool) {
	name := strings.ToLower(k.Name)
	t := template{key: k}
	lit := 0 // start of the literal part being read
	for i := 0; i < len(name); i++ {
		end := -1
		switch {
		case strings.HasPrefix(name[i:], "${"):
			end = strings.IndexByte(name[i:], '}')
		case name[i] == '<':
			end = strings.IndexByte(name[i:], '>')
		}
		if end < 0 {
			continue
		}
		t.parts = append(t.parts, name[lit:i])
		i += end
		lit = i + 1
	}
	if t.parts == nil {
		return template{}, false
	}
	t.parts = append(t.parts, name[lit:])
	for _, p := range t.parts {
		t.lits += len(p)
	}
	return t, true
}

func sortTemplates(ts []template) {
	slices.SortFunc(ts, func(a, b template) int {
		return cmp.Or(cmp.Compare(b.lits, a.lits), strings.Compare(a.key.Name, b.key.Name))
	})
}

// match reports whether q, in lower case, is one of the keys t stands for.
// Leftmost matching of each literal part is enough, as a variable takes any
// run: it leaves the most room for what follows.
func (t template) match(q string) bool {
	first, last := t.parts[0], t.parts[len(t.parts)-1]
	if !strings.HasPrefix(q, first) {
		return false
	}
	pos := len(first)
	for _, mid := range t.parts[1 : len(t.parts)-1] {
		if pos+1 > len(q) {
			return false
		}
		i := strings.Index(q[pos+1:], mid)
		if i < 0 {
			return false
		}
		pos += 1 + i + len(mid)
	}
	return len(q)-len(last) >= pos+1 && strings.HasSuffix(q, last)
}
