package terraform

import (
	"fmt"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/source/tfres"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// moduleConfig is one module directory, parsed and analysed once however
// many times it is instantiated.
type moduleConfig struct {
	// dir is the module's directory in the file system.
	dir       string
	variables map[string]*variableConfig
	locals    map[string]*localConfig
	outputs   map[string]*outputConfig
	resources map[string]*resourceConfig // by "TYPE.NAME" or "data.TYPE.NAME"
	calls     map[string]*callConfig
	// order lists the nodes so that each comes after what it references.
	order []*node
	// attrUse lists, per resource key, the top-level attributes read from it
	// anywhere in the module; wholeUse marks resources referenced as a whole
	// object, whose attributes may be read anywhere.
	attrUse  map[string]map[string]bool
	wholeUse map[string]bool
	diags    model.Diagnostics
}

type variableConfig struct {
	name     string
	typ      cty.Type
	defaults *typeexpr.Defaults
	// def is the converted default, cty.NilVal when there is none.
	def      cty.Value
	nullable bool
	// literal is set when raw -var and TF_VAR_ values are taken as strings
	// rather than parsed as expressions: a primitive or absent type.
	literal bool
	rng     hcl.Range
}

type localConfig struct {
	name string
	expr hcl.Expression
	rng  hcl.Range
}

type outputConfig struct {
	name string
	expr hcl.Expression
	rng  hcl.Range
}

type resourceConfig struct {
	mode    tfres.Mode
	typ     string
	name    string
	body    *body
	count   hcl.Expression
	forEach hcl.Expression
	rng     hcl.Range
}

type callConfig struct {
	name      string
	source    string
	sourceRng hcl.Range
	body      *body
	count     hcl.Expression
	forEach   hcl.Expression
	rng       hcl.Range
}

// key is the resource's address within its module.
func (r *resourceConfig) key() string {
	if r.mode == tfres.Data {
		return "data." + r.typ + "." + r.name
	}
	return r.typ + "." + r.name
}

// resourceMeta names the arguments of resource, data and module blocks that
// configure Terraform rather than the object.
var resourceMeta = map[string]bool{
	"count": true, "for_each": true, "provider": true, "depends_on": true,
	"lifecycle": true, "provisioner": true, "connection": true,
}

var callMeta = map[string]bool{
	"source": true, "version": true, "count": true, "for_each": true,
	"providers": true, "depends_on": true,
}

// buildModule assembles a module from its parsed files (primary files in
// lexical order, then override files) and analyses its references.
func buildModule(dir string, files []*file, an *analysis) *moduleConfig {
	m := &moduleConfig{
		dir:       dir,
		variables: map[string]*variableConfig{},
		locals:    map[string]*localConfig{},
		outputs:   map[string]*outputConfig{},
		resources: map[string]*resourceConfig{},
		calls:     map[string]*callConfig{},
	}
	type decl struct {
		blk *block
		key string
	}
	var decls []decl
	index := map[string]int{}
	var overrides []decl
	for _, f := range files {
		addDiags(&m.diags, f.diags, true, hcl.Range{Filename: f.name})
		if !f.ok {
			continue
		}
		for _, blk := range f.blocks {
			if !m.checkHeader(blk) {
				continue
			}
			for _, d := range declsOf(blk) {
				if f.override {
					overrides = append(overrides, decl{d.blk, d.key})
					continue
				}
				if i, dup := index[d.key]; dup {
					m.diags.Errorf(toRange(d.blk.defRng), "duplicate %s; first declared at %s", d.key, toRange(decls[i].blk.defRng))
					continue
				}
				index[d.key] = len(decls)
				decls = append(decls, decl{d.blk, d.key})
			}
		}
	}
	for _, o := range overrides {
		i, ok := index[o.key]
		if !ok {
			m.diags.Errorf(toRange(o.blk.defRng), "override for %s, which is not declared", o.key)
			continue
		}
		base := *decls[i].blk
		base.body = base.body.override(o.blk.body)
		decls[i].blk = &base
	}
	for _, d := range decls {
		m.declare(d.blk)
	}
	m.analyse(an)
	return m
}

// topLevelLabels gives the number of labels of each top-level block type.
var topLevelLabels = func() map[string]int {
	m := map[string]int{}
	for _, b := range fileSchema.Blocks {
		m[b.Type] = len(b.LabelNames)
	}
	return m
}()

// checkHeader reports a top-level block of an unknown type or with the wrong
// number of labels, which Terraform would reject; such a block is skipped.
func (m *moduleConfig) checkHeader(blk *block) bool {
	want, ok := topLevelLabels[blk.typ]
	switch {
	case !ok:
		m.diags.Errorf(toRange(blk.defRng), "unsupported block type %q", blk.typ)
		return false
	case len(blk.labels) != want:
		m.diags.Errorf(toRange(blk.defRng), "%s block needs %d labels, not %d", blk.typ, want, len(blk.labels))
		return false
	}
	return true
}

// declsOf splits a top-level block into keyed declarations; a locals block
// declares one local per attribute.
func declsOf(blk *block) []struct {
	blk *block
	key string
} {
	type d = struct {
		blk *block
		key string
	}
	switch blk.typ {
	case "variable", "output", "module":
		if len(blk.labels) == 1 {
			prefix := map[string]string{"variable": "var.", "output": "output.", "module": "module."}[blk.typ]
			return []d{{blk, prefix + blk.labels[0]}}
		}
	case "resource", "data":
		if len(blk.labels) == 2 {
			key := blk.labels[0] + "." + blk.labels[1]
			if blk.typ == "data" {
				key = "data." + key
			}
			return []d{{blk, key}}
		}
	case "locals":
		out := make([]d, 0, len(blk.body.attrs))
		for _, a := range blk.body.attrs {
			one := &block{typ: "locals", body: &body{attrs: []*attribute{a}, json: blk.body.json}, rng: a.rng, defRng: a.rng}
			out = append(out, d{one, "local." + a.name})
		}
		return out
	}
	return nil
}

// declare interprets one declaration.
func (m *moduleConfig) declare(blk *block) {
	switch blk.typ {
	case "variable":
		m.variables[blk.labels[0]] = m.variable(blk)
	case "locals":
		a := blk.body.attrs[0]
		m.locals[a.name] = &localConfig{name: a.name, expr: a.expr, rng: a.rng}
	case "output":
		o := &outputConfig{name: blk.labels[0], rng: blk.rng}
		if a := blk.body.attr("value"); a != nil {
			o.expr = a.expr
		} else {
			m.diags.Errorf(toRange(blk.defRng), "output %q has no value", o.name)
		}
		m.outputs[o.name] = o
	case "resource", "data":
		r := &resourceConfig{typ: blk.labels[0], name: blk.labels[1], body: blk.body, rng: blk.rng}
		if blk.typ == "data" {
			r.mode = tfres.Data
		}
		r.count, r.forEach = m.expansion(blk)
		m.resources[r.key()] = r
	case "module":
		c := &callConfig{name: blk.labels[0], body: blk.body, rng: blk.rng}
		c.count, c.forEach = m.expansion(blk)
		if a := blk.body.attr("source"); a != nil {
			c.sourceRng = a.rng
			v, diags := a.expr.Value(nil)
			if diags.HasErrors() || v.Type() != cty.String || !v.IsKnown() || v.IsNull() {
				m.diags.Errorf(toRange(a.rng), "module %q: source must be a literal string", c.name)
			} else {
				c.source = v.AsString()
			}
		} else {
			m.diags.Errorf(toRange(blk.defRng), "module %q has no source", c.name)
		}
		m.calls[c.name] = c
	}
}

// expansion returns a block's count and for_each expressions.
func (m *moduleConfig) expansion(blk *block) (count, forEach hcl.Expression) {
	if a := blk.body.attr("count"); a != nil {
		count = a.expr
	}
	if a := blk.body.attr("for_each"); a != nil {
		forEach = a.expr
	}
	if count != nil && forEach != nil {
		m.diags.Errorf(toRange(blk.defRng), "count and for_each are mutually exclusive")
		forEach = nil
	}
	return count, forEach
}

// legacyType reads Terraform 0.11's quoted type constraints ("string",
// "list", "map"), which old configurations (and deliberately vulnerable
// projects built on them) still use. Terraform 0.11 meant lists and maps of
// strings by the bare names.
func legacyType(expr hcl.Expression, json bool) (cty.Type, bool) {
	if expr == nil || json {
		return cty.NilType, false
	}
	if _, ok := expr.(*hclsyntax.TemplateExpr); !ok {
		return cty.NilType, false
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return cty.NilType, false
	}
	switch v.AsString() {
	case "string":
		return cty.String, true
	case "list":
		return cty.List(cty.String), true
	case "map":
		return cty.Map(cty.String), true
	}
	return cty.NilType, false
}

// variable interprets a variable block: type constraint with optional
// attribute defaults, default value and nullability.
func (m *moduleConfig) variable(blk *block) *variableConfig {
	v := &variableConfig{name: blk.labels[0], typ: cty.DynamicPseudoType, def: cty.NilVal, nullable: true, literal: true, rng: blk.defRng}
	if a := blk.body.attr("type"); a != nil {
		expr := a.expr
		if blk.body.json {
			// JSON writes the type as a string holding native syntax.
			s, diags := a.expr.Value(nil)
			if diags.HasErrors() || s.Type() != cty.String || s.IsNull() || !s.IsKnown() {
				m.diags.Errorf(toRange(a.rng), "variable %q: type must be a string", v.name)
				expr = nil
			} else {
				var pdiags hcl.Diagnostics
				expr, pdiags = hclsyntax.ParseExpression([]byte(s.AsString()), a.rng.Filename, a.rng.Start)
				if pdiags.HasErrors() {
					addDiags(&m.diags, pdiags, true, a.rng)
					expr = nil
				}
			}
		}
		if ty, ok := legacyType(expr, blk.body.json); ok {
			m.diags.Warnf(toRange(a.rng), "variable %q: quoted type constraints are a Terraform 0.11 form; write the type without quotes", v.name)
			v.typ, v.literal = ty, ty.IsPrimitiveType()
			expr = nil
		}
		if expr != nil {
			ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(expr)
			if diags.HasErrors() {
				addDiags(&m.diags, diags, true, a.rng)
			} else {
				v.typ, v.defaults = ty, defaults
				v.literal = ty.IsPrimitiveType()
			}
		}
	}
	if a := blk.body.attr("nullable"); a != nil {
		nv, diags := a.expr.Value(nil)
		if !diags.HasErrors() && nv.Type() == cty.Bool && nv.IsKnown() && !nv.IsNull() {
			v.nullable = nv.True()
		}
	}
	if a := blk.body.attr("default"); a != nil {
		dv, diags := a.expr.Value(nil)
		if diags.HasErrors() {
			addDiags(&m.diags, diags, true, a.rng)
			return v
		}
		cv, err := v.convert(dv)
		if err != nil {
			m.diags.Errorf(toRange(a.rng), "variable %q: default does not match its type: %s", v.name, err)
			return v
		}
		v.def = cv
	}
	return v
}

// convert applies optional-attribute defaults and the type constraint.
func (v *variableConfig) convert(val cty.Value) (cty.Value, error) {
	if v.defaults != nil && !val.IsNull() {
		// Defaults.Apply does not expect marks; carry them around it.
		raw, pvm := val.UnmarkDeepWithPaths()
		val = v.defaults.Apply(raw).MarkWithPaths(pvm)
	}
	cv, err := convert.Convert(val, v.typ)
	if err != nil {
		return cty.UnknownVal(v.typ), fmt.Errorf("%s", convertError(err))
	}
	return cv, nil
}

// convertError renders a conversion error with its path, as users write it.
func convertError(err error) string {
	var pe cty.PathError
	if e, ok := err.(cty.PathError); ok {
		pe = e
	} else {
		return err.Error()
	}
	if len(pe.Path) == 0 {
		return pe.Error()
	}
	return fmt.Sprintf("%s: %s", formatPath(pe.Path), pe.Error())
}

// formatPath renders a cty path like an HCL traversal.
func formatPath(p cty.Path) string {
	s := ""
	for _, step := range p {
		switch st := step.(type) {
		case cty.GetAttrStep:
			s += "." + st.Name
		case cty.IndexStep:
			k, _ := st.Key.Unmark()
			switch {
			case !k.IsKnown():
				s += "[*]"
			case k.Type() == cty.String:
				s += fmt.Sprintf("[%q]", k.AsString())
			case k.Type() == cty.Number:
				s += "[" + k.AsBigFloat().String() + "]"
			}
		}
	}
	if s != "" && s[0] == '.' {
		s = s[1:]
	}
	return s
}

// sortedKeys returns a map's keys in order, for deterministic iteration.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
