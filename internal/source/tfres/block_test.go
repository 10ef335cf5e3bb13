package tfres

import (
	"testing"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/zclconf/go-cty/cty"
)

func TestReference(t *testing.T) {
	o := model.Origin{Range: model.Range{File: "main.tf", StartLine: 3}}
	b := NewBlock("", model.Origin{Range: model.Range{File: "main.tf", StartLine: 1}})
	set := func(name string, v cty.Value) { b.Attrs[name] = &Attribute{Name: name, Value: v, Origin: o} }
	set("known", cty.StringVal("arn:aws:kms:eu-west-1:111122223333:key/abcd"))
	set("declared", cty.UnknownVal(cty.String).Mark(Ref{Address: "aws_kms_key.app", Attr: "arn"}))
	set("two", cty.UnknownVal(cty.String).WithMarks(cty.NewValueMarks(Ref{Address: "aws_kms_key.a", Attr: "arn"}, Ref{Address: "aws_kms_key.b", Attr: "arn"})))
	set("variable", cty.UnknownVal(cty.String))
	for _, tt := range []struct {
		name      string
		want      string
		certainty model.Certainty
	}{
		{"known", "arn:aws:kms:eu-west-1:111122223333:key/abcd", model.Explicit},
		{"declared", "aws_kms_key.app", model.Explicit},
		{"two", "", model.Unknown},
		{"variable", "", model.Unknown},
		{"absent", "", model.Defaulted},
	} {
		got := b.Reference(tt.name, "")
		if got.Val() != tt.want || got.Certainty != tt.certainty {
			t.Errorf("Reference(%s) = %q (%v), want %q (%v)", tt.name, got.Val(), got.Certainty, tt.want, tt.certainty)
		}
	}
}
