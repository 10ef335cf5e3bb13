package terraform

import (
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// toCollectionFunc is tolist, toset or tomap. cty's conversion unifies the
// element types of a tuple pairwise, which is quadratic; for the usual case
// of a tuple (or object) whose elements all have one type, the collection
// is built directly. Everything else goes through cty.
func toCollectionFunc(want cty.Type) function.Function {
	slow := stdlib.MakeToFunc(want)
	return function.New(&function.Spec{
		Params: []function.Parameter{{
			Name:             "v",
			Type:             cty.DynamicPseudoType,
			AllowNull:        true,
			AllowDynamicType: true,
			AllowUnknown:     true,
		}},
		Type: func(args []cty.Value) (cty.Type, error) {
			if ty, ok := homogeneous(args[0], want); ok {
				return ty, nil
			}
			return slow.ReturnType([]cty.Type{args[0].Type()})
		},
		Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
			v := args[0]
			if _, ok := homogeneous(v, want); !ok || v.IsNull() || !v.IsKnown() {
				return slow.Call(args)
			}
			switch {
			case want.IsListType():
				return cty.ListVal(v.AsValueSlice()), nil
			case want.IsSetType():
				return cty.SetVal(v.AsValueSlice()), nil
			}
			return cty.MapVal(v.AsValueMap()), nil
		},
	})
}

// homogeneous reports whether v is a non-empty tuple (for lists and sets)
// or object (for maps) whose elements share one known type, and returns
// the collection type it converts to.
func homogeneous(v cty.Value, want cty.Type) (cty.Type, bool) {
	ty := v.Type()
	var ets []cty.Type
	switch {
	case (want.IsListType() || want.IsSetType()) && ty.IsTupleType():
		ets = ty.TupleElementTypes()
	case want.IsMapType() && ty.IsObjectType():
		for _, at := range ty.AttributeTypes() {
			ets = append(ets, at)
		}
	default:
		return cty.NilType, false
	}
	if len(ets) == 0 || ets[0] == cty.DynamicPseudoType {
		return cty.NilType, false
	}
	for _, et := range ets[1:] {
		if !et.Equals(ets[0]) {
			return cty.NilType, false
		}
	}
	switch {
	case want.IsListType():
		return cty.List(ets[0]), true
	case want.IsSetType():
		return cty.Set(ets[0]), true
	}
	return cty.Map(ets[0]), true
}
