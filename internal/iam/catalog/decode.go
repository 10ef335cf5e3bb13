package catalog

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// The formats are described in tools/iamdata/doc.go.
const (
	catalogHeader  = "vigil-iam-catalog 1"
	policiesHeader = "vigil-iam-managed-policies 1"
)

// gunzip returns the decompressed text as one string, so everything decoded
// from it can be a substring instead of a copy.
func gunzip(data []byte) (string, error) {
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.Grow(6 * len(data))
	if _, err := io.Copy(&b, r); err != nil {
		return "", err
	}
	return b.String(), r.Close()
}

// lines walks text line by line and numbers them for error messages.
type lines struct {
	text  string
	n     int
	total int // lines in text, so counts can be checked before allocating
}

func newLines(text string) lines {
	return lines{text: text, total: strings.Count(text, "\n") + 1}
}

// left reports whether n more lines can follow.
func (l *lines) left(n int) bool { return n <= l.total-l.n }

func (l *lines) next() (string, error) {
	if l.text == "" {
		return "", fmt.Errorf("line %d: unexpected end of data", l.n+1)
	}
	line, rest, _ := strings.Cut(l.text, "\n")
	l.text = rest
	l.n++
	return line, nil
}

func (l *lines) errorf(format string, args ...any) error {
	return fmt.Errorf("line %d: %s", l.n, fmt.Sprintf(format, args...))
}

// fields splits a line at tabs into exactly len(dst) fields.
func fields(line string, dst []string) bool {
	for i := range dst {
		if i == len(dst)-1 {
			dst[i] = line
			return !strings.Contains(line, "\t")
		}
		var ok bool
		if dst[i], line, ok = strings.Cut(line, "\t"); !ok {
			return false
		}
	}
	return true
}

// count reads "word N".
func (l *lines) count(word string) (int, error) {
	line, err := l.next()
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(strings.TrimPrefix(line, word+" "))
	if err != nil || !strings.HasPrefix(line, word+" ") || n < 0 || !l.left(n) {
		return 0, l.errorf("want %q and a count, got %q", word, line)
	}
	return n, nil
}

// arena hands out sub-slices of large chunks, so the many short lists of the
// catalogue cost a few allocations instead of one each.
type arena[T any] struct{ buf []T }

func (a *arena[T]) take(n int) []T {
	if n == 0 {
		return nil
	}
	if cap(a.buf)-len(a.buf) < n {
		a.buf = make([]T, 0, max(n, 4096))
	}
	s := a.buf[len(a.buf) : len(a.buf)+n : len(a.buf)+n]
	a.buf = a.buf[:len(a.buf)+n]
	return s
}

// decoder holds what decoding the catalogue shares across services.
type decoder struct {
	lines
	keys    []ConditionKey
	names   arena[string]
	ptrs    arena[*ConditionKey]
	refs    arena[ResourceRef]
	actions []*Action
}

func decode(catalogData, policyData []byte) (*Catalog, error) {
	text, err := gunzip(catalogData)
	if err != nil {
		return nil, err
	}
	c, err := parseCatalog(text)
	if err != nil {
		return nil, err
	}
	c.policies = sync.OnceValue(func() *policies {
		p, err := decodePolicies(policyData)
		if err != nil {
			panic("catalog: embedded managed policies: " + err.Error())
		}
		return p
	})
	return c, nil
}

// parseCatalog reads the catalogue's text form.
func parseCatalog(text string) (*Catalog, error) {
	d := &decoder{lines: newLines(text)}
	return d.catalog()
}

func (d *decoder) catalog() (*Catalog, error) {
	if line, err := d.next(); err != nil || line != catalogHeader {
		return nil, d.errorf("want header %q", catalogHeader)
	}
	nkeys, err := d.count("keys")
	if err != nil {
		return nil, err
	}
	c := &Catalog{keys: make(map[string]*ConditionKey, nkeys)}
	d.keys = make([]ConditionKey, nkeys)
	var f [2]string
	for i := range d.keys {
		line, err := d.next()
		if err != nil {
			return nil, err
		}
		if !fields(line, f[:]) || f[0] == "" || f[1] == "" {
			return nil, d.errorf("malformed condition key %q", line)
		}
		k := &d.keys[i]
		*k = ConditionKey{Name: f[0], Type: f[1]}
		c.keys[strings.ToLower(k.Name)] = k
		if t, ok := newTemplate(k); ok {
			c.templates = append(c.templates, t)
		}
	}
	sortTemplates(c.templates)
	line, err := d.next()
	if err != nil {
		return nil, err
	}
	globals, ok := strings.CutPrefix(line, "globals ")
	if !ok {
		return nil, d.errorf("want globals, got %q", line)
	}
	for globals != "" {
		var item string
		item, globals, _ = strings.Cut(globals, ",")
		k, err := d.key(item)
		if err != nil {
			return nil, err
		}
		k.Global = true
	}
	nsvc, err := d.count("services")
	if err != nil {
		return nil, err
	}
	c.services = make([]*Service, nsvc)
	for i := range c.services {
		s, err := d.service()
		if err != nil {
			return nil, err
		}
		if i > 0 && compareFold(c.services[i-1].Prefix, s.Prefix) >= 0 {
			return nil, d.errorf("service %s out of order", s.Prefix)
		}
		c.services[i] = s
	}
	if d.text != "" {
		return nil, d.errorf("trailing data")
	}
	c.actions = d.actions
	c.all = Set{w: make([]uint64, (len(c.actions)+63)/64)}
	c.all.addRange(0, len(c.actions))
	return c, nil
}

// key returns the condition key an item of a key list numbers.
func (d *decoder) key(item string) (*ConditionKey, error) {
	i, err := strconv.Atoi(item)
	if err != nil || i < 0 || i >= len(d.keys) {
		return nil, d.errorf("condition key number %q out of range", item)
	}
	return &d.keys[i], nil
}

// keyNames parses a key list, "K,K,...", into the keys' names.
func (d *decoder) keyNames(list string) ([]string, error) {
	names := d.names.take(listLen(list))
	for i := range names {
		var item string
		item, list, _ = strings.Cut(list, ",")
		k, err := d.key(item)
		if err != nil {
			return nil, err
		}
		names[i] = k.Name
	}
	return names, nil
}

func listLen(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, ",") + 1
}

func (d *decoder) service() (*Service, error) {
	line, err := d.next()
	if err != nil {
		return nil, err
	}
	var f [6]string
	if !fields(line, f[:]) || f[0] != "S" || f[1] == "" || strings.Contains(f[1], ":") {
		return nil, d.errorf("want a service, got %q", line)
	}
	ntypes, err1 := strconv.Atoi(f[3])
	nacts, err2 := strconv.Atoi(f[4])
	if err1 != nil || err2 != nil || ntypes < 0 || nacts < 0 || !d.left(ntypes) || !d.left(nacts) || !d.left(ntypes+nacts) {
		return nil, d.errorf("malformed service counts %q", line)
	}
	s := &Service{Prefix: f[1], Name: f[2]}
	s.ConditionKeys = d.ptrs.take(listLen(f[5]))
	for i, list := 0, f[5]; i < len(s.ConditionKeys); i++ {
		var item string
		item, list, _ = strings.Cut(list, ",")
		if s.ConditionKeys[i], err = d.key(item); err != nil {
			return nil, err
		}
	}
	types := make([]ResourceType, ntypes)
	s.ResourceTypes = make([]*ResourceType, ntypes)
	var rf [4]string
	for i := range types {
		line, err := d.next()
		if err != nil {
			return nil, err
		}
		if !fields(line, rf[:]) || rf[0] != "R" || rf[1] == "" || !strings.HasPrefix(rf[2], "arn:") {
			return nil, d.errorf("want a resource type, got %q", line)
		}
		t := &types[i]
		t.Service, t.Name, t.ARN = s.Prefix, rf[1], rf[2]
		if t.ConditionKeys, err = d.keyNames(rf[3]); err != nil {
			return nil, err
		}
		s.ResourceTypes[i] = t
	}
	compilePatterns(s)
	acts := make([]Action, nacts)
	s.Actions = make([]*Action, nacts)
	var af [5]string
	prefix := s.Prefix + ":"
	for i := range acts {
		line, err := d.next()
		if err != nil {
			return nil, err
		}
		a := &acts[i]
		if !fields(line, af[:]) || af[0] != "A" || len(af[2]) != 1 {
			return nil, d.errorf("want an action, got %q", line)
		}
		name, ok := strings.CutPrefix(af[1], prefix)
		if !ok || name == "" || strings.ContainsAny(name, ":*?") {
			return nil, d.errorf("malformed action name %q in service %s", af[1], s.Prefix)
		}
		if i > 0 && compareFold(acts[i-1].Name, name) >= 0 {
			return nil, d.errorf("action %s out of order", af[1])
		}
		a.ID, a.full, a.Service, a.Name = len(d.actions), af[1], af[1][:len(s.Prefix)], name
		if a.Level = Level(af[2][0] - '0'); a.Level < List || a.Level > Tagging {
			return nil, d.errorf("action %s: access level %q", af[1], af[2])
		}
		if a.ConditionKeys, err = d.keyNames(af[3]); err != nil {
			return nil, err
		}
		if a.Resources, err = d.resourceRefs(af[4], s.ResourceTypes); err != nil {
			return nil, err
		}
		s.Actions[i] = a
		d.actions = append(d.actions, a)
	}
	return s, nil
}

// resourceRefs parses "T[!][=K,K,...];...".
func (d *decoder) resourceRefs(s string, types []*ResourceType) ([]ResourceRef, error) {
	if s == "" {
		return nil, nil
	}
	refs := d.refs.take(strings.Count(s, ";") + 1)
	for i := range refs {
		var item string
		item, s, _ = strings.Cut(s, ";")
		num, keys, _ := strings.Cut(item, "=")
		num, required := strings.CutSuffix(num, "!")
		t, err := strconv.Atoi(num)
		if err != nil || t < 0 || t >= len(types) {
			return nil, d.errorf("resource type number %q out of range", num)
		}
		refs[i] = ResourceRef{Type: types[t], Required: required}
		if refs[i].ConditionKeys, err = d.keyNames(keys); err != nil {
			return nil, err
		}
	}
	return refs, nil
}
