package tfres

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// LinkID returns what the attribute name of b identifies, as a model ID: the
// resource of one of types it points at, found as Resolve finds it (Ref marks,
// then the known value against the candidates' matchAttrs). Every adapter
// field that names another resource ("the security group", "the topic",
// "the delivery bucket") is read with it, so all of them mean the same:
//
//   - linked: the target's address, set explicitly, at the attribute;
//   - set but naming nothing in the configuration: the literal value (an ID,
//     name or ARN of a resource that exists elsewhere, which a live scan can
//     match), set explicitly;
//   - unknown and carrying no reference, or inside an unknown block: unknown;
//   - absent: "", defaulted, at b.
//
// A model ID therefore names a resource of the state only when it equals that
// resource's ID; any other known value is outside the configuration.
func (s *Set) LinkID(b *Block, name string, types []string, matchAttrs ...string) model.String {
	t, link := s.Resolve(b, name, types, matchAttrs...)
	switch link {
	case Linked:
		return model.Set(t.Address, b.Attr(name).Origin)
	case Unresolvable:
		if a := b.Attr(name); a != nil {
			return model.Unresolved[string](a.Origin)
		}
		return model.Unresolved[string](b.Origin)
	}
	return b.String(name, "")
}

// LinkIDs is LinkID for a list or set attribute (security_groups,
// subnet_ids), element by element; a single string is a one-item list, as
// for StringList. An absent attribute is a defaulted empty list; a list whose
// elements cannot be told is unknown.
func (s *Set) LinkIDs(b *Block, name string, types []string, matchAttrs ...string) model.List[string] {
	a := b.Attr(name)
	if a == nil {
		return b.StringList(name)
	}
	l := model.List[string]{Meta: model.Meta{Origin: a.Origin}}
	v, _ := a.Value.Unmark()
	switch {
	case v.IsNull():
		l.Certainty = model.Defaulted
		return l
	case !v.IsKnown():
		return l
	case v.Type() == cty.String:
		l.Certainty = model.Explicit
		l.Items = append(l.Items, s.linkValue(a.Value, a.Origin, types, matchAttrs))
		return l
	case !v.CanIterateElements():
		return l
	}
	l.Certainty = model.Explicit
	for it := v.ElementIterator(); it.Next(); {
		_, ev := it.Element()
		l.Items = append(l.Items, s.linkValue(ev, a.Origin, types, matchAttrs))
	}
	return l
}

// linkValue is LinkID for one present value v (with its marks) at o.
func (s *Set) linkValue(v cty.Value, o model.Origin, types, matchAttrs []string) model.String {
	t, link := s.resolveValue(v, types, matchAttrs)
	if link == Linked {
		return model.Set(t.Address, o)
	}
	raw, _ := v.UnmarkDeep()
	if link == Unresolvable || raw.IsNull() {
		return model.Unresolved[string](o)
	}
	sv, err := convert.Convert(raw, cty.String)
	if err != nil || sv.IsNull() {
		return model.Unresolved[string](o)
	}
	return model.Set(sv.AsString(), o)
}
