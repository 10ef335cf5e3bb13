package tfres

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/zclconf/go-cty/cty"
)

var (
	blockAt = model.Origin{Range: model.Range{File: "main.tf", StartLine: 1}}
	attrAt  = model.Origin{Range: model.Range{File: "main.tf", StartLine: 3}}
)

// linkSet holds a security group, a topic named "alerts" and a VPC.
func linkSet() *Set {
	res := func(typ, name string, attrs map[string]cty.Value) *Resource {
		b := NewBlock("", blockAt)
		for k, v := range attrs {
			b.Attrs[k] = &Attribute{Name: k, Value: v, Origin: blockAt}
		}
		return &Resource{Type: typ, Name: name, Address: typ + "." + name, Body: b}
	}
	return NewSet([]*Resource{
		res("aws_security_group", "app", nil),
		res("aws_sns_topic", "t", map[string]cty.Value{"name": cty.StringVal("alerts")}),
		res("aws_vpc", "main", nil),
	})
}

func linkBlock(attrs map[string]cty.Value) *Block {
	b := NewBlock("", blockAt)
	for k, v := range attrs {
		b.Attrs[k] = &Attribute{Name: k, Value: v, Origin: attrAt}
	}
	return b
}

func refTo(addr string) cty.Value {
	return cty.UnknownVal(cty.String).Mark(Ref{Address: addr, Attr: "id"})
}

func TestLinkID(t *testing.T) {
	set := linkSet()
	unknownBlock := &Block{Origin: blockAt, unknown: true}
	for _, tt := range []struct {
		name  string
		block *Block
		types []string
		match []string
		want  model.String
	}{
		{"linked via Ref mark", linkBlock(map[string]cty.Value{"v": refTo("aws_security_group.app")}), []string{"aws_security_group"}, nil, model.Set("aws_security_group.app", attrAt)},
		{"linked via match attribute", linkBlock(map[string]cty.Value{"v": cty.StringVal("alerts")}), []string{"aws_sns_topic"}, []string{"name"}, model.Set("aws_sns_topic.t", attrAt)},
		{"unlinked literal", linkBlock(map[string]cty.Value{"v": cty.StringVal("sg-0123")}), []string{"aws_security_group"}, nil, model.Set("sg-0123", attrAt)},
		{"literal matching no candidate", linkBlock(map[string]cty.Value{"v": cty.StringVal("other")}), []string{"aws_sns_topic"}, []string{"name"}, model.Set("other", attrAt)},
		{"unresolvable", linkBlock(map[string]cty.Value{"v": cty.UnknownVal(cty.String)}), []string{"aws_security_group"}, nil, model.Unresolved[string](attrAt)},
		{"ref to another type", linkBlock(map[string]cty.Value{"v": refTo("aws_vpc.main")}), []string{"aws_security_group"}, nil, model.Unresolved[string](attrAt)},
		{"absent", linkBlock(nil), []string{"aws_security_group"}, nil, model.Default("", blockAt)},
		{"unknown block", unknownBlock, []string{"aws_security_group"}, nil, model.Unresolved[string](blockAt)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := set.LinkID(tt.block, "v", tt.types, tt.match...)
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(model.String{})); diff != "" {
				t.Errorf("LinkID (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLinkIDs(t *testing.T) {
	set := linkSet()
	list := func(c model.Certainty, o model.Origin, items ...model.String) model.List[string] {
		return model.List[string]{Meta: model.Meta{Origin: o, Certainty: c}, Items: items}
	}
	for _, tt := range []struct {
		name  string
		value cty.Value // cty.NilVal: absent
		match []string
		want  model.List[string]
	}{
		{
			"mixed elements",
			cty.TupleVal([]cty.Value{refTo("aws_security_group.app"), cty.StringVal("sg-0123"), cty.UnknownVal(cty.String), refTo("aws_vpc.main")}),
			nil,
			list(model.Explicit, attrAt, model.Set("aws_security_group.app", attrAt), model.Set("sg-0123", attrAt), model.Unresolved[string](attrAt), model.Unresolved[string](attrAt)),
		},
		{
			"element linked via match attribute",
			cty.ListVal([]cty.Value{cty.StringVal("alerts"), cty.StringVal("other")}),
			[]string{"name"},
			list(model.Explicit, attrAt, model.Set("aws_sns_topic.t", attrAt), model.Set("other", attrAt)),
		},
		{"single string", cty.StringVal("sg-0123"), nil, list(model.Explicit, attrAt, model.Set("sg-0123", attrAt))},
		{"unknown single string", refTo("aws_security_group.app"), nil, list(model.Unknown, attrAt)},
		{"empty", cty.ListValEmpty(cty.String), nil, list(model.Explicit, attrAt)},
		{"unknown list", cty.UnknownVal(cty.List(cty.String)), nil, list(model.Unknown, attrAt)},
		{"absent", cty.NilVal, nil, list(model.Defaulted, blockAt)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			attrs := map[string]cty.Value{}
			if tt.value != cty.NilVal {
				attrs["v"] = tt.value
			}
			got := set.LinkIDs(linkBlock(attrs), "v", []string{"aws_security_group", "aws_sns_topic"}, tt.match...)
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(model.String{})); diff != "" {
				t.Errorf("LinkIDs (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBlocksOrUnknown(t *testing.T) {
	b := NewBlock("", model.Origin{})
	b.Children = []*Block{NewBlock("rule", model.Origin{})}
	if got := b.BlocksOrUnknown("rule"); len(got) != 1 || got[0].Unknown() {
		t.Errorf("known blocks: %d, first unknown %v", len(got), got[0].Unknown())
	}
	b.UnknownTypes = map[string]bool{"rule": true}
	got := b.BlocksOrUnknown("rule")
	if len(got) != 2 || !got[1].Unknown() || got[1].Bool("enabled", false).Known() {
		t.Errorf("a dynamic block over an unknown collection must add an unknown placeholder, got %d blocks", len(got))
	}
}
