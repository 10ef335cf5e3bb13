package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/vigil-sec/vigil/internal/source/tfres"
	"github.com/zclconf/go-cty/cty"
)

// block evaluates a body into a tfres block: attributes (null ones left
// out, as null means unset), then nested and dynamic blocks in source order.
func (in *instance) block(b *body, typ string, rng hcl.Range, ctx *hcl.EvalContext, skip map[string]bool) *tfres.Block {
	out := tfres.NewBlock(typ, in.origin(rng))
	for _, a := range b.attrs {
		if skip[a.name] || (b.json && a.name == "dynamic") {
			continue
		}
		v := in.eval(a.expr, ctx)
		if v.IsNull() {
			continue
		}
		attr := &tfres.Attribute{Name: a.name, Value: v, Origin: in.origin(a.rng)}
		if !v.IsWhollyKnown() {
			var pr partialText
			if pr.render(a.expr, ctx) {
				attr.Partial, attr.PartialRefs = pr.b.String(), pr.refs
			}
		}
		out.Attrs[a.name] = attr
		if b.json {
			in.jsonBlocks(out, a, v)
		}
	}
	for _, blk := range b.blocks {
		if skip[blk.typ] {
			continue
		}
		if blk.typ == "dynamic" {
			in.dynamic(out, blk, ctx)
			continue
		}
		out.Children = append(out.Children, in.block(blk.body, blk.typ, blk.rng, ctx, nil))
	}
	return out
}

// jsonBlocks adds the nested blocks a JSON attribute may stand for: an
// object is one block, a list of objects several.
func (in *instance) jsonBlocks(parent *tfres.Block, a *attribute, v cty.Value) {
	raw, _ := v.Unmark()
	ty := raw.Type()
	switch {
	case ty.IsObjectType():
		if raw.IsKnown() {
			parent.Children = append(parent.Children, in.valueBlock(a, raw))
		}
	case ty.IsTupleType():
		if !raw.IsKnown() {
			return
		}
		for _, et := range ty.TupleElementTypes() {
			if !et.IsObjectType() {
				return
			}
		}
		for it := raw.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			parent.Children = append(parent.Children, in.valueBlock(a, ev))
		}
	}
}

// valueBlock turns an object value into a block placed at a's range.
func (in *instance) valueBlock(a *attribute, v cty.Value) *tfres.Block {
	o := in.origin(a.rng)
	out := tfres.NewBlock(a.name, o)
	raw, marks := v.Unmark()
	if raw.IsNull() || !raw.IsKnown() {
		return out
	}
	for it := raw.ElementIterator(); it.Next(); {
		k, ev := it.Element()
		if ev.IsNull() {
			continue
		}
		name := k.AsString()
		out.Attrs[name] = &tfres.Attribute{Name: name, Value: ev.WithMarks(marks), Origin: o}
	}
	return out
}

// dynamic expands a dynamic block into the parent: one block per element
// of for_each, or, when for_each is unknown, a note that the number of
// blocks of that type is unknown.
func (in *instance) dynamic(parent *tfres.Block, blk *block, ctx *hcl.EvalContext) {
	if len(blk.labels) != 1 {
		in.r.diags.Errorf(toRange(blk.defRng), "dynamic block needs one label, the block type")
		return
	}
	typ := blk.labels[0]
	iter := typ
	if a := blk.body.attr("iterator"); a != nil {
		if kw := hcl.ExprAsKeyword(a.expr); kw != "" {
			iter = kw
		} else {
			in.r.diags.Errorf(toRange(a.rng), "dynamic %q: iterator must be a name", typ)
			return
		}
	}
	fe := blk.body.attr("for_each")
	var content *block
	for _, c := range blk.body.blocks {
		if c.typ == "content" {
			content = c
			break
		}
	}
	if fe == nil || content == nil {
		in.r.diags.Errorf(toRange(blk.defRng), "dynamic %q needs for_each and a content block", typ)
		return
	}
	v, marks := in.eval(fe.expr, ctx).Unmark()
	unknown := func() {
		if parent.UnknownTypes == nil {
			parent.UnknownTypes = map[string]bool{}
		}
		parent.UnknownTypes[typ] = true
	}
	switch {
	case !v.IsKnown():
		unknown()
		return
	case v.IsNull():
		in.r.diags.Errorf(toRange(fe.rng), "dynamic %q: for_each must not be null", typ)
		return
	case !v.CanIterateElements():
		in.r.diags.Errorf(toRange(fe.rng), "dynamic %q: for_each must be a collection, not %s", typ, v.Type().FriendlyName())
		return
	case v.Type().IsSetType() && !v.IsWhollyKnown():
		// Unknown elements may turn out equal, so the count is unknown.
		unknown()
		return
	}
	if err := in.r.spend(v.LengthInt()); err != nil {
		in.r.diags.Warnf(toRange(fe.rng), "dynamic %q: for_each: %s; blocks treated as unknown", typ, err)
		unknown()
		return
	}
	for it := v.ElementIterator(); it.Next(); {
		k, ev := it.Element()
		child := ctx.NewChild()
		child.Variables = map[string]cty.Value{iter: cty.ObjectVal(map[string]cty.Value{
			"key":   k.WithMarks(marks),
			"value": ev.WithMarks(marks),
		})}
		parent.Children = append(parent.Children, in.block(content.body, typ, blk.rng, child, nil))
	}
}
