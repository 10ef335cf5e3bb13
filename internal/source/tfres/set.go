package tfres

import (
	"sort"

	"github.com/zclconf/go-cty/cty"
)

// Set indexes resource instances for adapters.
type Set struct {
	byType map[string][]*Resource
	byAddr map[string]*Resource
}

// NewSet indexes rs. Order within a type follows rs.
func NewSet(rs []*Resource) *Set {
	s := &Set{byType: map[string][]*Resource{}, byAddr: map[string]*Resource{}}
	for _, r := range rs {
		key := r.Type
		if r.Mode == Data {
			key = "data." + r.Type
		}
		s.byType[key] = append(s.byType[key], r)
		s.byAddr[r.Address] = r
	}
	return s
}

// OfType returns managed resources of the type; "data.T" names data sources.
func (s *Set) OfType(typ string) []*Resource { return s.byType[typ] }

// Get returns the instance at addr, or nil.
func (s *Set) Get(addr string) *Resource { return s.byAddr[addr] }

// Link is how a companion resource's attribute points at its target.
type Link int

const (
	// Unlinked means the attribute is absent or names nothing in the set
	// (an existing resource outside this configuration, say).
	Unlinked Link = iota
	// Linked means the target was found.
	Linked
	// Unresolvable means the attribute is unknown and carries no reference:
	// it might point at any candidate.
	Unresolvable
)

// Resolve finds the resource of one of types that the attribute name of b
// points at. It follows Ref marks first (through variables, locals, modules
// and functions), then matches a known string value against the candidates'
// matchAttrs (a bucket's "bucket" attribute, a role's "name"). When several
// refs point at candidates, the first in address order wins.
func (s *Set) Resolve(b *Block, name string, types []string, matchAttrs ...string) (*Resource, Link) {
	a := b.Attr(name)
	if a == nil {
		if b.Unknown() {
			return nil, Unresolvable
		}
		return nil, Unlinked
	}
	return s.resolveValue(a.Value, types, matchAttrs)
}

// resolveValue is Resolve for a present value v, with its marks.
func (s *Set) resolveValue(v cty.Value, types, matchAttrs []string) (*Resource, Link) {
	want := map[string]bool{}
	for _, t := range types {
		want[t] = true
	}
	var hits []*Resource
	for _, ref := range RefsOf(v) {
		if r := s.byAddr[ref.Address]; r != nil && want[r.Type] {
			hits = append(hits, r)
		}
	}
	if len(hits) > 0 {
		sort.Slice(hits, func(i, j int) bool { return hits[i].Address < hits[j].Address })
		return hits[0], Linked
	}
	raw, _ := v.UnmarkDeep()
	if !raw.IsWhollyKnown() {
		return nil, Unresolvable
	}
	if raw.Type() != cty.String || raw.IsNull() {
		return nil, Unlinked
	}
	str := raw.AsString()
	for _, t := range types {
		for _, r := range s.byType[t] {
			for _, m := range matchAttrs {
				if got := r.Body.String(m, ""); got.Explicit() && got.Val() == str {
					return r, Linked
				}
			}
		}
	}
	return nil, Unlinked
}
