package terraform

import (
	"slices"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vigil-sec/vigil/internal/source/tfres"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// TestWriteJSONMatchesJSONEncode checks that the partial renderer writes
// known values exactly as jsonencode does.
func TestWriteJSONMatchesJSONEncode(t *testing.T) {
	for _, src := range []string{
		`{b = [1, 2.5, -3e20], a = "<&>\u2028\"", c = null, d = true}`,
		`tomap({z = "1", a = "2"})`,
		`toset(["b", "a"])`,
		`[{}, [], "x", 0.1]`,
		`"é\n\t"`,
	} {
		t.Run(src, func(t *testing.T) {
			expr, diags := hclsyntax.ParseExpression([]byte(src), "test.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatalf("parse: %s", diags)
			}
			v, diags := expr.Value(&hcl.EvalContext{Functions: pureFunctions()})
			if diags.HasErrors() {
				t.Fatalf("evaluate: %s", diags)
			}
			want, err := stdlib.JSONEncode(v)
			if err != nil {
				t.Fatal(err)
			}
			var got partialText
			got.writeJSON(v)
			if got.b.String() != want.AsString() {
				t.Errorf("writeJSON = %s, jsonencode = %s", got.b.String(), want.AsString())
			}
		})
	}
	var got partialText
	got.writeJSON(cty.ObjectVal(map[string]cty.Value{"a": cty.UnknownVal(cty.List(cty.String)), "b": cty.DynamicVal}))
	if want := `{"a":"${unknown}","b":"${unknown}"}`; got.b.String() != want {
		t.Errorf("unknown values: got %s, want %s", got.b.String(), want)
	}
}

// TestPartialRefs checks that only an unknown part that is a plain reference
// to a resource attribute says which attribute it is, and that known parts
// of templates inside jsonencode survive.
func TestPartialRefs(t *testing.T) {
	ref := tfres.Ref{Address: "aws_iam_role.app", Attr: "arn"}
	ctx := &hcl.EvalContext{
		Functions: pureFunctions(),
		Variables: map[string]cty.Value{"aws_iam_role": cty.ObjectVal(map[string]cty.Value{
			"app": cty.ObjectVal(map[string]cty.Value{"arn": cty.UnknownVal(cty.String).Mark(ref)}),
		})},
	}
	src := `jsonencode({z = aws_iam_role.app.arn, b = "${aws_iam_role.app.arn}/x", c = upper(aws_iam_role.app.arn), l = ["k", aws_iam_role.app.arn]})`
	expr, diags := hclsyntax.ParseExpression([]byte(src), "t.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var got partialText
	if !got.render(expr, ctx) {
		t.Fatal("not rendered")
	}
	if want := `{"b":"${unknown}/x","c":"${unknown}","l":["k","${unknown}"],"z":"${unknown}"}`; got.b.String() != want {
		t.Errorf("text: got %s, want %s", got.b.String(), want)
	}
	if want := []tfres.Ref{ref, {}, ref, ref}; !slices.Equal(got.refs, want) {
		t.Errorf("refs: got %v, want %v", got.refs, want)
	}
}
