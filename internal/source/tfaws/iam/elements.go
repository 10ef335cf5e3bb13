package iam

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/source/tfres"
	"github.com/zclconf/go-cty/cty"
)

// element is one item of a list or set attribute with the resources its
// value was read from.
type element struct {
	value  cty.Value // unmarked
	refs   []tfres.Ref
	origin model.Origin
}

// elements splits a list, set or tuple attribute (or a single value, which
// several attributes accept) into items, keeping each item's Ref marks so it
// can be resolved on its own. ok is false when the collection itself is
// unknown: how many items it has cannot be said.
func elements(a *tfres.Attribute) (items []element, ok bool) {
	raw, pvm := a.Value.UnmarkDeepWithPaths()
	switch {
	case raw.IsNull():
		return nil, true
	case !raw.IsKnown():
		return nil, false
	case !raw.CanIterateElements() || raw.Type().IsMapType() || raw.Type().IsObjectType():
		return []element{{value: raw, refs: tfres.RefsOf(a.Value), origin: a.Origin}}, true
	}
	for it := raw.ElementIterator(); it.Next(); {
		k, v := it.Element()
		el := element{value: v, origin: a.Origin}
		seen := map[tfres.Ref]bool{}
		for _, pm := range pvm {
			if len(pm.Path) == 0 {
				continue
			}
			step, isIndex := pm.Path[0].(cty.IndexStep)
			if !isIndex || !step.Key.RawEquals(k) {
				continue
			}
			for m := range pm.Marks {
				if r, isRef := m.(tfres.Ref); isRef && !seen[r] {
					seen[r] = true
					el.refs = append(el.refs, r)
				}
			}
		}
		items = append(items, el)
	}
	return items, true
}

// resolve finds the resource of one of types that an element points at,
// as tfres.Set.Resolve does for a whole attribute: through its refs first,
// then by matching a known string against the candidates' matchAttr.
func resolve(set *tfres.Set, el element, types []string, matchAttr string) (*tfres.Resource, tfres.Link) {
	b := tfres.NewBlock("", el.origin)
	v := el.value
	if len(el.refs) > 0 {
		marks := make([]any, len(el.refs))
		for i, r := range el.refs {
			marks[i] = r
		}
		v = v.WithMarks(cty.NewValueMarks(marks...))
	}
	b.Attrs["v"] = &tfres.Attribute{Name: "v", Value: v, Origin: el.origin}
	return set.Resolve(b, "v", types, matchAttr)
}

// str returns the element as a model string.
func (el element) str() model.String {
	if !el.value.IsWhollyKnown() || el.value.IsNull() || el.value.Type() != cty.String {
		return model.Unresolved[string](el.origin)
	}
	return model.Set(el.value.AsString(), el.origin)
}
