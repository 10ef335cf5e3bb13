package terraform

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
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
			var got strings.Builder
			writeJSON(&got, v)
			if got.String() != want.AsString() {
				t.Errorf("writeJSON = %s, jsonencode = %s", got.String(), want.AsString())
			}
		})
	}
	var got strings.Builder
	writeJSON(&got, cty.ObjectVal(map[string]cty.Value{"a": cty.UnknownVal(cty.List(cty.String)), "b": cty.DynamicVal}))
	if want := `{"a":"${unknown}","b":"${unknown}"}`; got.String() != want {
		t.Errorf("unknown values: got %s, want %s", got.String(), want)
	}
}
