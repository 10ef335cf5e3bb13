package terraform

import (
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// body is a configuration body reduced to what evaluation needs. Native and
// JSON syntax both turn into it, so override merging and evaluation deal with
// one shape only.
type body struct {
	attrs  []*attribute // in source order
	blocks []*block     // in source order
	// json is set for bodies from .tf.json files: without a provider schema
	// a nested block there cannot be told from an object-valued attribute,
	// so evaluation treats object values as blocks too.
	json bool
}

type attribute struct {
	name string
	expr hcl.Expression
	rng  hcl.Range // the whole `name = expr`
}

type block struct {
	typ    string
	labels []string
	body   *body
	rng    hcl.Range // from the type keyword to the closing brace
	defRng hcl.Range // the header
}

// nativeBody converts a native-syntax body, recursively.
func nativeBody(b *hclsyntax.Body) *body {
	out := &body{attrs: make([]*attribute, 0, len(b.Attributes)), blocks: make([]*block, 0, len(b.Blocks))}
	for _, a := range b.Attributes {
		out.attrs = append(out.attrs, &attribute{name: a.Name, expr: a.Expr, rng: a.SrcRange})
	}
	sortAttrs(out.attrs)
	for _, blk := range b.Blocks {
		out.blocks = append(out.blocks, &block{
			typ:    blk.Type,
			labels: blk.Labels,
			body:   nativeBody(blk.Body),
			rng:    blk.Range(),
			defRng: blk.DefRange(),
		})
	}
	return out
}

// jsonBody converts a JSON body: every property is an attribute.
func jsonBody(b hcl.Body) (*body, hcl.Diagnostics) {
	attrs, diags := b.JustAttributes()
	out := &body{json: true, attrs: make([]*attribute, 0, len(attrs))}
	for _, a := range attrs {
		out.attrs = append(out.attrs, &attribute{name: a.Name, expr: a.Expr, rng: a.Range})
	}
	sortAttrs(out.attrs)
	return out, diags
}

func sortAttrs(as []*attribute) {
	slices.SortFunc(as, func(a, b *attribute) int { return a.rng.Start.Byte - b.rng.Start.Byte })
}

// attr returns the named attribute or nil.
func (b *body) attr(name string) *attribute {
	for _, a := range b.attrs {
		if a.name == name {
			return a
		}
	}
	return nil
}

// override returns b with the attributes of o replacing b's, and every block
// type o has replacing all of b's blocks of that type, as Terraform merges
// override files.
func (b *body) override(o *body) *body {
	out := &body{json: b.json}
	for _, a := range b.attrs {
		if o.attr(a.name) == nil {
			out.attrs = append(out.attrs, a)
		}
	}
	out.attrs = append(out.attrs, o.attrs...)
	replaced := map[string]bool{}
	for _, blk := range o.blocks {
		replaced[blk.typ] = true
	}
	for _, blk := range b.blocks {
		if !replaced[blk.typ] {
			out.blocks = append(out.blocks, blk)
		}
	}
	out.blocks = append(out.blocks, o.blocks...)
	return out
}
