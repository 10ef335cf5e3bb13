package terraform

import (
	"encoding/json"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// partial renders an attribute whose value is unknown as the text it will
// be, with model.UnknownPart for every part that could not be resolved. It
// handles string templates (heredocs included) and jsonencode calls, nested
// in each other; ok is false for any other expression, and when no part of
// the text is known. It evaluates the expression's parts again with the
// evaluation context of the attribute, so it runs only for unknown values,
// and reports no diagnostics: the attribute's own evaluation did.
func partial(e hcl.Expression, ctx *hcl.EvalContext) (text string, ok bool) {
	switch e := e.(type) {
	case *hclsyntax.TemplateExpr:
		var b strings.Builder
		for _, p := range e.Parts {
			s, known := templatePart(p, ctx)
			b.WriteString(s)
			ok = ok || known
		}
		return b.String(), ok
	case *hclsyntax.TemplateWrapExpr:
		return partial(e.Wrapped, ctx)
	case *hclsyntax.FunctionCallExpr:
		if e.Name != "jsonencode" || len(e.Args) != 1 || e.ExpandFinal {
			return "", false
		}
		v := evalQuiet(e.Args[0], ctx)
		if !v.IsKnown() {
			return "", false
		}
		var b strings.Builder
		writeJSON(&b, v)
		return b.String(), true
	}
	return "", false
}

// templatePart renders one part of a template as Terraform converts it to
// text, its partial rendering when it has one, or model.UnknownPart; known
// reports whether any of the result is known text. A directive (%{if},
// %{for}) over an unknown value is one unknown part.
func templatePart(e hcl.Expression, ctx *hcl.EvalContext) (text string, known bool) {
	v := evalQuiet(e, ctx)
	if v.IsKnown() {
		if s, err := convert.Convert(v, cty.String); err == nil && !s.IsNull() {
			return s.AsString(), true
		}
		// Terraform refuses a null or structured value here.
		return model.UnknownPart, false
	}
	if s, ok := partial(e, ctx); ok {
		return s, true
	}
	return model.UnknownPart, false
}

// evalQuiet evaluates e without its marks, ignoring diagnostics; a value
// that does not evaluate is unknown.
func evalQuiet(e hcl.Expression, ctx *hcl.EvalContext) cty.Value {
	v, diags := e.Value(ctx)
	if diags.HasErrors() || v == cty.NilVal {
		return cty.DynamicVal
	}
	v, _ = v.UnmarkDeep()
	return v
}

// writeJSON writes an unmarked value as Terraform's jsonencode does, with
// model.UnknownPart as the string standing for every unknown value, whole
// objects and lists included. cty iterates object attributes and map keys
// in lexical order, which is the order jsonencode writes them in.
func writeJSON(b *strings.Builder, v cty.Value) {
	if !v.IsKnown() {
		writeJSONString(b, model.UnknownPart)
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
			writeJSONString(b, k.AsString())
			b.WriteByte(':')
			writeJSON(b, ev)
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
			writeJSON(b, ev)
		}
		b.WriteByte(']')
	default:
		// A capsule value: jsonencode cannot write it.
		writeJSONString(b, model.UnknownPart)
	}
}

// writeJSONString writes s as a JSON string, escaped as encoding/json (and
// so jsonencode) escapes it.
func writeJSONString(b *strings.Builder, s string) {
	q, _ := json.Marshal(s)
	b.Write(q)
}
