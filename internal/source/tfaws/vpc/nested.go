package vpc

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// nested returns the nested blocks of type name, whether written as blocks
// or with the attribute syntax the provider also accepts for them
// (`ingress = [{ ... }]`), and whether that list is complete.
func nested(b *tfres.Block, name string) (blocks []*tfres.Block, complete bool) {
	blocks = b.Blocks(name)
	complete = b.BlocksKnown(name)
	a := b.Attr(name)
	if a == nil {
		return blocks, complete
	}
	v, marks := a.Value.Unmark()
	if v.IsNull() {
		return blocks, complete
	}
	if !v.IsKnown() || !v.CanIterateElements() {
		return blocks, false
	}
	for it := v.ElementIterator(); it.Next(); {
		_, ev := it.Element()
		ev, emarks := ev.Unmark()
		if !ev.IsKnown() || ev.IsNull() || !(ev.Type().IsObjectType() || ev.Type().IsMapType()) {
			complete = false
			continue
		}
		blk := tfres.NewBlock(name, a.Origin)
		for k, av := range ev.AsValueMap() {
			if av.IsNull() {
				continue
			}
			blk.Attrs[k] = &tfres.Attribute{Name: k, Value: av.WithMarks(marks, emarks), Origin: a.Origin}
		}
		blocks = append(blocks, blk)
	}
	return blocks, complete
}

// vpcOf returns the model ID of the aws_vpc (or aws_default_vpc) whose
// attribute the value of name was read from: how default route tables and
// ACLs name their VPC (aws_vpc.main.default_network_acl_id).
func vpcOf(set *tfres.Set, b *tfres.Block, name string) model.String {
	a := b.Attr(name)
	if a == nil {
		return model.Unresolved[string](b.Origin)
	}
	for _, ref := range tfres.RefsOf(a.Value) {
		if r := set.Get(ref.Address); r != nil && (r.Type == "aws_vpc" || r.Type == "aws_default_vpc") {
			return model.Set(r.Address, a.Origin)
		}
	}
	return model.Unresolved[string](a.Origin)
}
