package terraform

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/source/tfres"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// partialText renders an attribute whose value is unknown as the text it
// will be, with model.UnknownPart for every part that could not be resolved,
// and for each such part the resource attribute it was read from (the Ref
// mark on the unknown value), so readers can put in what they know of it.
type partialText struct {
	b    strings.Builder
	refs []tfres.Ref
}

// render handles string templates (heredocs included), jsonencode calls and
// list literals (rendered as a JSON array), nested in each other; it reports
// false for any other expression, and when no part of the text is known. It evaluates the expression's parts again
// with the evaluation context of the attribute, so it runs only for unknown
// values, and reports no diagnostics: the attribute's own evaluation did.
func (p *partialText) render(e hcl.Expression, ctx *hcl.EvalContext) (ok bool) {
	switch e := e.(type) {
	case *hclsyntax.TemplateExpr:
		for _, part := range e.Parts {
			ok = p.templatePart(part, ctx) || ok
		}
		return ok
	case *hclsyntax.TemplateWrapExpr:
		return p.render(e.Wrapped, ctx)
	case *hclsyntax.FunctionCallExpr:
		if e.Name != "jsonencode" || len(e.Args) != 1 || e.ExpandFinal {
			return false
		}
		if raw, _ := evalQuiet(e.Args[0], ctx).Unmark(); !raw.IsKnown() && !isConstructor(e.Args[0]) {
			return false
		}
		p.writeJSONExpr(e.Args[0], ctx)
		return true
	case *hclsyntax.TupleConsExpr:
		p.writeJSONExpr(e, ctx)
		return true
	}
	return false
}

func isConstructor(e hcl.Expression) bool {
	switch e.(type) {
	case *hclsyntax.ObjectConsExpr, *hclsyntax.TupleConsExpr:
		return true
	}
	return false
}

// writeJSONExpr writes what jsonencode(e) will give, following the
// expression where its value is only partly known: object and list literals
// item by item, templates part by part, so "${aws_s3_bucket.b.arn}/*" keeps
// its known "/*". Only an unknown that is a plain reference to a resource
// attribute carries a ref: a value computed from one (a template, a
// function call) is not that attribute.
func (p *partialText) writeJSONExpr(e hcl.Expression, ctx *hcl.EvalContext) {
	v := evalQuiet(e, ctx)
	if raw, _ := v.UnmarkDeep(); raw.IsWhollyKnown() {
		p.writeJSON(v)
		return
	}
	switch e := e.(type) {
	case *hclsyntax.TupleConsExpr:
		p.b.WriteByte('[')
		for i, item := range e.Exprs {
			if i > 0 {
				p.b.WriteByte(',')
			}
			p.writeJSONExpr(item, ctx)
		}
		p.b.WriteByte(']')
		return
	case *hclsyntax.ObjectConsExpr:
		if p.writeObjectExpr(e, ctx) {
			return
		}
	case *hclsyntax.TemplateExpr, *hclsyntax.TemplateWrapExpr:
		var sub partialText
		if sub.render(e, ctx) {
			writeJSONString(&p.b, sub.b.String())
			p.refs = append(p.refs, sub.refs...)
			return
		}
	case *hclsyntax.ScopeTraversalExpr, *hclsyntax.RelativeTraversalExpr:
		if raw, _ := v.Unmark(); !raw.IsKnown() {
			p.unknown(v, true)
			return
		}
	}
	p.writeJSON(v)
}

// writeObjectExpr writes an object literal in jsonencode's key order; it
// reports false, writing nothing, when a key is not a known string.
func (p *partialText) writeObjectExpr(e *hclsyntax.ObjectConsExpr, ctx *hcl.EvalContext) bool {
	type item struct {
		key  string
		expr hcl.Expression
	}
	byKey := map[string]hcl.Expression{}
	for _, it := range e.Items {
		k, _ := evalQuiet(it.KeyExpr, ctx).UnmarkDeep()
		if !k.IsKnown() || k.IsNull() || k.Type() != cty.String {
			return false
		}
		byKey[k.AsString()] = it.ValueExpr // the last of duplicate keys wins
	}
	items := make([]item, 0, len(byKey))
	for k, x := range byKey {
		items = append(items, item{k, x})
	}
	slices.SortFunc(items, func(a, b item) int { return strings.Compare(a.key, b.key) })
	p.b.WriteByte('{')
	for i, it := range items {
		if i > 0 {
			p.b.WriteByte(',')
		}
		writeJSONString(&p.b, it.key)
		p.b.WriteByte(':')
		p.writeJSONExpr(it.expr, ctx)
	}
	p.b.WriteByte('}')
	return true
}

// unknown writes model.UnknownPart for an unknown value, as a JSON string
// inside jsonencode, with the ref of v (cty.DynamicVal for none).
func (p *partialText) unknown(v cty.Value, json bool) {
	if json {
		writeJSONString(&p.b, model.UnknownPart)
	} else {
		p.b.WriteString(model.UnknownPart)
	}
	p.refs = append(p.refs, tfres.SoleRef(v))
}

// templatePart renders one part of a template as Terraform converts it to
// text, its partial rendering when it has one, or model.UnknownPart; it
// reports whether any of the result is known text. A directive (%{if},
// %{for}) over an unknown value is one unknown part.
func (p *partialText) templatePart(e hcl.Expression, ctx *hcl.EvalContext) bool {
	v := evalQuiet(e, ctx)
	raw, _ := v.UnmarkDeep()
	if raw.IsKnown() {
		if s, err := convert.Convert(raw, cty.String); err == nil && !s.IsNull() {
			p.b.WriteString(s.AsString())
			return true
		}
		// Terraform refuses a null or structured value here.
		p.unknown(cty.DynamicVal, false)
		return false
	}
	var sub partialText
	if sub.render(e, ctx) {
		p.b.WriteString(sub.b.String())
		p.refs = append(p.refs, sub.refs...)
		return true
	}
	switch e.(type) {
	case *hclsyntax.ScopeTraversalExpr, *hclsyntax.RelativeTraversalExpr:
		p.unknown(v, false)
	default:
		p.unknown(cty.DynamicVal, false)
	}
	return false
}

// evalQuiet evaluates e, ignoring diagnostics; a value that does not
// evaluate is unknown. Marks are kept: they say which resource attribute an
// unknown part is.
func evalQuiet(e hcl.Expression, ctx *hcl.EvalContext) cty.Value {
	v, diags := e.Value(ctx)
	if diags.HasErrors() || v == cty.NilVal {
		return cty.DynamicVal
	}
	return v
}

// writeJSON writes a value as Terraform's jsonencode does, with
// model.UnknownPart as the string standing for every unknown value, whole
// objects and lists included. cty iterates object attributes and map keys
// in lexical order, which is the order jsonencode writes them in.
func (p *partialText) writeJSON(mv cty.Value) {
	v, _ := mv.Unmark()
	b := &p.b
	if !v.IsKnown() {
		p.unknown(cty.DynamicVal, true)
		return
	}
	if v.IsNull() {
		b.WriteString("null")
		return
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		writeJSONString(b, v.AsString())
	case ty == cty.Number:
		b.WriteString(v.AsBigFloat().Text('f', -1))
	case ty == cty.Bool:
		if v.True() {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case ty.IsObjectType() || ty.IsMapType():
		b.WriteByte('{')
		first := true
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			if !first {
				b.WriteByte(',')
			}
			first = false
			k, _ = k.Unmark()
			writeJSONString(b, k.AsString())
			b.WriteByte(':')
			p.writeJSON(ev)
		}
		b.WriteByte('}')
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		b.WriteByte('[')
		first := true
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			if !first {
				b.WriteByte(',')
			}
			first = false
			p.writeJSON(ev)
		}
		b.WriteByte(']')
	default:
		// A capsule value: jsonencode cannot write it.
		p.unknown(cty.DynamicVal, true)
	}
}

// writeJSONString writes s as a JSON string, escaped as encoding/json (and
// so jsonencode) escapes it.
func writeJSONString(b *strings.Builder, s string) {
	q, _ := json.Marshal(s)
	b.Write(q)
}
