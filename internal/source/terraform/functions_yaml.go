package terraform

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	yaml "go.yaml.in/yaml/v3"
)

// maxYAMLNodes bounds how many values one yamldecode may produce, so alias
// expansion cannot blow up ("billion laughs").
const maxYAMLNodes = 100000

// yamlDecodeFunc parses YAML into objects, tuples and primitives.
var yamlDecodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "src", Type: cty.String}},
	Type: func(args []cty.Value) (cty.Type, error) {
		if !args[0].IsKnown() {
			return cty.DynamicPseudoType, nil
		}
		v, err := yamlDecode(args[0].AsString())
		if err != nil {
			return cty.NilType, err
		}
		return v.Type(), nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return yamlDecode(args[0].AsString())
	},
})

func yamlDecode(src string) (cty.Value, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		return cty.NilVal, fmt.Errorf("parse YAML: %w", err)
	}
	if doc.Kind == 0 {
		return cty.NullVal(cty.DynamicPseudoType), nil
	}
	budget := maxYAMLNodes
	return yamlValue(&doc, &budget, 0)
}

func yamlValue(n *yaml.Node, budget *int, depth int) (cty.Value, error) {
	*budget--
	if *budget < 0 || depth > 1000 {
		return cty.NilVal, errors.New("YAML document is too large")
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return cty.NullVal(cty.DynamicPseudoType), nil
		}
		return yamlValue(n.Content[0], budget, depth+1)
	case yaml.AliasNode:
		if n.Alias == nil {
			return cty.NullVal(cty.DynamicPseudoType), nil
		}
		return yamlValue(n.Alias, budget, depth+1)
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			return cty.EmptyTupleVal, nil
		}
		vals := make([]cty.Value, len(n.Content))
		for i, c := range n.Content {
			v, err := yamlValue(c, budget, depth+1)
			if err != nil {
				return cty.NilVal, err
			}
			vals[i] = v
		}
		return cty.TupleVal(vals), nil
	case yaml.MappingNode:
		attrs := map[string]cty.Value{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Tag == "!!merge" {
				mv, err := yamlValue(v, budget, depth+1)
				if err != nil {
					return cty.NilVal, err
				}
				if mv.Type().IsObjectType() {
					for ak, av := range mv.AsValueMap() {
						if _, set := attrs[ak]; !set {
							attrs[ak] = av
						}
					}
				}
				continue
			}
			val, err := yamlValue(v, budget, depth+1)
			if err != nil {
				return cty.NilVal, err
			}
			attrs[k.Value] = val
		}
		return cty.ObjectVal(attrs), nil
	case yaml.ScalarNode:
		return yamlScalar(n)
	}
	return cty.NilVal, fmt.Errorf("unsupported YAML node kind %d", n.Kind)
}

func yamlScalar(n *yaml.Node) (cty.Value, error) {
	switch n.ShortTag() {
	case "!!null":
		return cty.NullVal(cty.DynamicPseudoType), nil
	case "!!bool":
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err != nil {
			return cty.StringVal(n.Value), nil
		}
		return cty.BoolVal(b), nil
	case "!!int", "!!float":
		s := strings.ReplaceAll(n.Value, "_", "")
		if i, err := strconv.ParseInt(s, 0, 64); err == nil {
			return cty.NumberIntVal(i), nil
		}
		if f, ok := new(big.Float).SetString(s); ok {
			return cty.NumberVal(f), nil
		}
		return cty.StringVal(n.Value), nil
	}
	return cty.StringVal(n.Value), nil
}

// yamlEncodeFunc renders a value as YAML, strings double-quoted as
// Terraform does.
var yamlEncodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowNull: true}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if !args[0].IsWhollyKnown() {
			return cty.UnknownVal(cty.String), nil
		}
		b, err := yaml.Marshal(yamlNode(args[0]))
		if err != nil {
			return cty.NilVal, fmt.Errorf("encode YAML: %w", err)
		}
		return cty.StringVal(string(b)), nil
	},
})

func yamlNode(v cty.Value) *yaml.Node {
	if v.IsNull() {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v.AsString(), Style: yaml.DoubleQuotedStyle}
	case ty == cty.Number:
		bf := v.AsBigFloat()
		tag := "!!float"
		if bf.IsInt() {
			tag = "!!int"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: bf.Text('f', -1)}
	case ty == cty.Bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v.True())}
	case ty.IsMapType() || ty.IsObjectType():
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			n.Content = append(n.Content,
				&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k.AsString(), Style: yaml.DoubleQuotedStyle},
				yamlNode(ev))
		}
		return n
	case v.CanIterateElements():
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			n.Content = append(n.Content, yamlNode(ev))
		}
		return n
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
}
