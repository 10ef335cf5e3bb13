package ec2

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/source/tfres"
	"github.com/zclconf/go-cty/cty"
)

// refID returns what the attribute name of b points at: the model ID of a
// resource of one of types when the reference resolves, the literal value
// (an AWS ID or name outside the configuration) otherwise, Unknown when it
// cannot be told.
func refID(set *tfres.Set, b *tfres.Block, name string, types ...string) model.String {
	t, link := set.Resolve(b, name, types)
	switch link {
	case tfres.Linked:
		return model.Set(t.Address, b.Attr(name).Origin)
	case tfres.Unresolvable:
		return model.Unresolved[string](attrOrigin(b, name))
	}
	return b.String(name, "")
}

// refIDs is refID for a list or set attribute, element by element.
func refIDs(set *tfres.Set, b *tfres.Block, name string, types ...string) model.List[string] {
	a := b.Attr(name)
	if a == nil {
		return b.StringList(name)
	}
	l := model.List[string]{Meta: model.Meta{Origin: a.Origin}}
	v, _ := a.Value.Unmark()
	if v.IsNull() {
		l.Certainty = model.Defaulted
		return l
	}
	if !v.IsKnown() || !v.CanIterateElements() {
		if v.IsKnown() && v.Type() == cty.String {
			l.Certainty = model.Explicit
			l.Items = append(l.Items, refValue(set, v, a.Origin, types))
		}
		return l
	}
	l.Certainty = model.Explicit
	for it := v.ElementIterator(); it.Next(); {
		_, ev := it.Element()
		l.Items = append(l.Items, refValue(set, ev, a.Origin, types))
	}
	return l
}

func refValue(set *tfres.Set, v cty.Value, o model.Origin, types []string) model.String {
	for _, ref := range tfres.RefsOf(v) {
		if r := set.Get(ref.Address); r != nil && r.Mode == tfres.Managed {
			for _, t := range types {
				if r.Type == t {
					return model.Set(r.Address, o)
				}
			}
		}
	}
	raw, _ := v.UnmarkDeep()
	if !raw.IsWhollyKnown() || raw.IsNull() || raw.Type() != cty.String {
		return model.Unresolved[string](o)
	}
	return model.Set(raw.AsString(), o)
}

func attrOrigin(b *tfres.Block, name string) model.Origin {
	if a := b.Attr(name); a != nil {
		return a.Origin
	}
	return b.Origin
}

func concat(ls ...model.List[string]) model.List[string] {
	out := ls[0]
	out.Items = append([]model.Value[string](nil), out.Items...)
	for _, l := range ls[1:] {
		if !l.Known() {
			out.Certainty = model.Unknown
		}
		if l.Certainty == model.Explicit && out.Certainty == model.Defaulted {
			out.Meta = l.Meta
		}
		out.Items = append(out.Items, l.Items...)
	}
	return out
}
