package terraform

import (
	"context"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/source/tfres"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// Limits that keep the work bounded whatever the input says.
const (
	// maxInstances caps one count or for_each; beyond it the instances are
	// treated as unknown.
	maxInstances = 10000
	// maxModuleDepth caps nested module calls.
	maxModuleDepth = 20
	// maxRootInstances caps resource and module instances of one root module,
	// so nested counts cannot multiply without end.
	maxRootInstances = 200000
)

// instance is one instance of a module being evaluated: the root module, or
// one expansion of a module call.
type instance struct {
	r   *rootEval
	cfg *moduleConfig
	// path is the module instance address, "" for the root module.
	path string
	// manifestKey is the module's key in modules.json ("a.b").
	manifestKey string
	calls       []model.Call
	// inputs are the call's arguments; nil for the root module, whose
	// variables come from variable files and the command line.
	inputs map[string]cty.Value
	depth  int
	// dirs lists the module directories from the root inward, to catch a
	// module that calls itself.
	dirs []string
	vals map[string]cty.Value
	// pathVal is the `path` object.
	pathVal cty.Value
}

// run evaluates every node in dependency order.
func (in *instance) run(ctx context.Context) {
	in.vals = make(map[string]cty.Value, len(in.cfg.order))
	rel := relPath(in.r.dir, in.cfg.dir)
	in.pathVal = cty.ObjectVal(map[string]cty.Value{
		"module": cty.StringVal(rel),
		"root":   cty.StringVal("."),
		"cwd":    cty.StringVal("."),
	})
	for i, n := range in.cfg.order {
		if i%64 == 0 && ctx.Err() != nil {
			return
		}
		in.node(ctx, n)
	}
}

// node evaluates one node. A panic here is a bug in this package; it is
// reported against the node, which is left unknown, and the rest of the
// module is still evaluated.
func (in *instance) node(ctx context.Context, n *node) {
	defer func() {
		if p := recover(); p != nil {
			in.vals[n.key] = cty.DynamicVal
			in.r.diags.Errorf(toRange(n.rng), "evaluate %s: internal error: %v\n%s", n.key, p, debug.Stack())
		}
	}()
	switch n.kind {
	case nodeVariable:
		in.vals[n.key] = in.variable(n.variable)
	case nodeLocal:
		if n.cyclic {
			in.vals[n.key] = cty.DynamicVal
			return
		}
		in.vals[n.key] = in.eval(n.local.expr, in.context(n.needs))
	case nodeResource:
		in.resource(n)
	case nodeCall:
		in.call(ctx, n)
	case nodeOutput:
		if n.output.expr != nil {
			in.vals[n.key] = in.eval(n.output.expr, in.context(n.needs))
		}
	}
}

// outputs returns the module's outputs as the object `module.NAME` is.
func (in *instance) outputs() cty.Value {
	out := make(map[string]cty.Value, len(in.cfg.outputs))
	for name := range in.cfg.outputs {
		v, ok := in.vals["output."+name]
		if !ok {
			v = cty.DynamicVal
		}
		out[name] = v
	}
	return cty.ObjectVal(out)
}

// eval evaluates an expression; errors become warnings and an unknown value,
// because Terraform would stop where we carry on with what we know.
func (in *instance) eval(e hcl.Expression, ctx *hcl.EvalContext) cty.Value {
	v, diags := e.Value(ctx)
	if len(diags) > 0 {
		addDiags(&in.r.diags, diags, false, e.Range())
	}
	if diags.HasErrors() || v == cty.NilVal {
		return cty.DynamicVal
	}
	return v
}

// context builds the evaluation context for a node from exactly what it
// refers to, so building it costs what the node uses, not the module size.
func (in *instance) context(needs []need) *hcl.EvalContext {
	vars := make(map[string]cty.Value, len(needs))
	var objs map[string]map[string]cty.Value
	var data map[string]map[string]cty.Value
	put := func(root, name string, v cty.Value) {
		if objs == nil {
			objs = map[string]map[string]cty.Value{}
		}
		o := objs[root]
		if o == nil {
			o = map[string]cty.Value{}
			objs[root] = o
		}
		o[name] = v
	}
	for _, nd := range needs {
		switch nd.root {
		case "path":
			vars["path"] = in.pathVal
		case "terraform":
			vars["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")})
		case "count", "each":
			// Set per instance in a child context.
		case "self":
			vars["self"] = cty.DynamicVal
		case "data":
			if data == nil {
				data = map[string]map[string]cty.Value{}
			}
			if data[nd.a] == nil {
				data[nd.a] = map[string]cty.Value{}
			}
			data[nd.a][nd.b] = in.value(nd.key())
		default:
			if nd.a == "" {
				if _, set := vars[nd.root]; !set {
					vars[nd.root] = cty.DynamicVal
				}
				continue
			}
			put(nd.root, nd.a, in.value(nd.key()))
		}
	}
	for root, o := range objs {
		vars[root] = cty.ObjectVal(o)
	}
	if data != nil {
		d := make(map[string]cty.Value, len(data))
		for typ, names := range data {
			d[typ] = cty.ObjectVal(names)
		}
		vars["data"] = cty.ObjectVal(d)
	}
	return &hcl.EvalContext{Variables: vars, Functions: in.r.funcs}
}

// value returns a node's value; unknown when it has none (undeclared, in a
// cycle, or not downloaded).
func (in *instance) value(key string) cty.Value {
	if v, ok := in.vals[key]; ok && v != cty.NilVal {
		return v
	}
	return cty.DynamicVal
}

// origin returns the origin of a range in this module instance.
func (in *instance) origin(r hcl.Range) model.Origin {
	return model.Origin{Range: toRange(r), Module: in.calls}
}

// expansion is the result of evaluating count or for_each.
type expansion struct {
	kind expansionKind
	// keys are the instance keys: numbers for count, strings for for_each.
	keys []cty.Value
	// each holds each.value per key.
	each []cty.Value
	// marks are the for_each value's marks, given to each.key and
	// each.value of an unknown expansion.
	marks cty.ValueMarks
}

type expansionKind uint8

const (
	expandNone expansionKind = iota
	expandCount
	expandForEach
	expandUnknownCount
	expandUnknownForEach
)

// expand evaluates count or for_each. What cannot be resolved, or is too
// big, becomes one instance with an unknown key.
func (in *instance) expand(count, forEach hcl.Expression, ctx *hcl.EvalContext, what string) expansion {
	switch {
	case count != nil:
		v, _ := in.eval(count, ctx).Unmark()
		unknown := expansion{kind: expandUnknownCount}
		if !v.IsKnown() {
			return unknown
		}
		if v.IsNull() {
			in.r.diags.Errorf(toRange(count.Range()), "%s: count must not be null", what)
			return unknown
		}
		n, err := countOf(v)
		if err != nil {
			in.r.diags.Errorf(toRange(count.Range()), "%s: count must be a whole number of at least 0", what)
			return unknown
		}
		if err := in.r.spend(n); err != nil {
			in.r.diags.Warnf(toRange(count.Range()), "%s: count: %s; instances treated as unknown", what, err)
			return unknown
		}
		e := expansion{kind: expandCount, keys: make([]cty.Value, n)}
		for i := range n {
			e.keys[i] = cty.NumberIntVal(int64(i))
		}
		return e
	case forEach != nil:
		mv := in.eval(forEach, ctx)
		v, marks := mv.Unmark()
		unknown := expansion{kind: expandUnknownForEach, marks: marks}
		if !v.IsKnown() {
			return unknown
		}
		if v.IsNull() {
			in.r.diags.Errorf(toRange(forEach.Range()), "%s: for_each must not be null", what)
			return unknown
		}
		ty := v.Type()
		switch {
		case ty.IsMapType() || ty.IsObjectType():
		case ty.IsSetType():
			if !ty.ElementType().Equals(cty.String) && ty.ElementType() != cty.DynamicPseudoType {
				in.r.diags.Errorf(toRange(forEach.Range()), "%s: for_each set must hold strings, not %s", what, ty.ElementType().FriendlyName())
				return unknown
			}
			if !v.IsWhollyKnown() {
				return unknown
			}
		default:
			in.r.diags.Errorf(toRange(forEach.Range()), "%s: for_each must be a map or a set of strings, not %s", what, ty.FriendlyName())
			return unknown
		}
		n := v.LengthInt()
		if err := in.r.spend(n); err != nil {
			in.r.diags.Warnf(toRange(forEach.Range()), "%s: for_each: %s; instances treated as unknown", what, err)
			return unknown
		}
		e := expansion{kind: expandForEach, keys: make([]cty.Value, 0, n), each: make([]cty.Value, 0, n)}
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			k, _ = k.Unmark()
			if !k.IsKnown() || k.IsNull() {
				return unknown
			}
			if k.Type() != cty.String {
				sk, err := convert.Convert(k, cty.String)
				if err != nil {
					in.r.diags.Errorf(toRange(forEach.Range()), "%s: for_each set must hold strings", what)
					return unknown
				}
				k = sk
			}
			e.keys = append(e.keys, k)
			e.each = append(e.each, ev.WithMarks(marks))
		}
		return e
	}
	// A single instance always goes ahead; it still counts.
	_ = in.r.spend(1)
	return expansion{kind: expandNone, keys: []cty.Value{cty.NilVal}}
}

// instances returns how many instances to evaluate: one for an unknown
// expansion.
func (e expansion) instances() int {
	switch e.kind {
	case expandUnknownCount, expandUnknownForEach:
		return 1
	}
	return len(e.keys)
}

// key returns instance i's key; unknown for an unknown expansion.
func (e expansion) key(i int) cty.Value {
	switch e.kind {
	case expandUnknownCount:
		return cty.UnknownVal(cty.Number)
	case expandUnknownForEach:
		return cty.UnknownVal(cty.String)
	}
	return e.keys[i]
}

// context returns ctx with count or each set for instance i.
func (e expansion) context(ctx *hcl.EvalContext, i int) *hcl.EvalContext {
	var vars map[string]cty.Value
	switch e.kind {
	case expandNone:
		return ctx
	case expandCount:
		vars = map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": e.keys[i]})}
	case expandForEach:
		vars = map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": e.keys[i], "value": e.each[i]})}
	case expandUnknownCount:
		vars = map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number)})}
	case expandUnknownForEach:
		vars = map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{
			"key":   cty.UnknownVal(cty.String).WithMarks(e.marks),
			"value": cty.DynamicVal.WithMarks(e.marks),
		})}
	}
	child := ctx.NewChild()
	child.Variables = vars
	return child
}

// suffix renders instance i's key as an address suffix.
func (e expansion) suffix(i int) string {
	switch e.kind {
	case expandNone:
		return ""
	case expandUnknownCount, expandUnknownForEach:
		return "[*]"
	case expandCount:
		return "[" + strconv.Itoa(i) + "]"
	}
	return "[" + strconv.Quote(e.keys[i].AsString()) + "]"
}

// collect combines per-instance values as Terraform exposes them: the value
// itself, a tuple for count, an object for for_each. An unknown expansion
// is an unknown value carrying the instances' marks, so references through
// it still lead to the instance.
func (e expansion) collect(vals []cty.Value) cty.Value {
	switch e.kind {
	case expandNone:
		return vals[0]
	case expandCount:
		if len(vals) == 0 {
			return cty.EmptyTupleVal
		}
		return cty.TupleVal(vals)
	case expandForEach:
		if len(vals) == 0 {
			return cty.EmptyObjectVal
		}
		m := make(map[string]cty.Value, len(vals))
		for i, v := range vals {
			m[e.keys[i].AsString()] = v
		}
		return cty.ObjectVal(m)
	}
	_, pvm := vals[0].UnmarkDeepWithPaths()
	marks := cty.ValueMarks{}
	for _, pm := range pvm {
		for m := range pm.Marks {
			marks[m] = struct{}{}
		}
	}
	return cty.DynamicVal.WithMarks(marks)
}

// countOf reads a known, unmarked count: a whole number of at least 0, or
// a string holding one, as Terraform converts it.
func countOf(v cty.Value) (int, error) {
	nv, err := convert.Convert(v, cty.Number)
	if err != nil || nv.IsNull() || !nv.IsKnown() {
		return 0, fmt.Errorf("not a number")
	}
	n, err := toInt(nv)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("not a whole number of at least 0")
	}
	return n, nil
}

// toInt converts a known, unmarked number to an int.
func toInt(v cty.Value) (int, error) {
	if v.Type() != cty.Number {
		return 0, fmt.Errorf("not a number")
	}
	bf := v.AsBigFloat()
	if !bf.IsInt() {
		return 0, fmt.Errorf("not a whole number")
	}
	i, acc := bf.Int64()
	if acc != 0 || i > 1<<31 || i < -1<<31 {
		return 0, fmt.Errorf("out of range")
	}
	return int(i), nil
}

// resource evaluates a resource or data source and emits its instances.
func (in *instance) resource(n *node) {
	r := n.resource
	base := in.path
	if base != "" {
		base += "."
	}
	base += r.key()
	ctx := in.context(n.needs)
	exp := in.expand(r.count, r.forEach, ctx, base)
	count := exp.instances()
	vals := make([]cty.Value, count)
	referenced := in.cfg.wholeUse[r.key()] || len(in.cfg.attrUse[r.key()]) > 0
	for i := range count {
		ictx := exp.context(ctx, i)
		addr := base + exp.suffix(i)
		b := in.block(r.body, "", r.rng, ictx, resourceMeta)
		var computed map[string]cty.Value
		if r.mode == tfres.Data {
			computed = in.dataSource(r, b, addr)
		}
		in.r.resources = append(in.r.resources, &tfres.Resource{
			Mode:    r.mode,
			Type:    r.typ,
			Name:    r.name,
			Module:  in.path,
			Key:     exp.key(i),
			Address: addr,
			Body:    b,
			Root:    in.r.l.displayName(in.r.dir),
			// An instance of an expansion that could not be resolved, here
			// or in a calling module, may not exist at all.
			Conditional: exp.kind == expandUnknownCount || exp.kind == expandUnknownForEach || strings.Contains(in.path, "[*]"),
		})
		if referenced {
			vals[i] = in.objectOf(r.key(), addr, b, computed)
		}
	}
	if referenced {
		in.vals[n.key] = exp.collect(vals)
	}
}

// objectOf returns a resource instance as other expressions see it: its
// configured attributes, computed ones, and unknown values for everything
// else read from it, each marked with where it came from.
func (in *instance) objectOf(key, addr string, b *tfres.Block, computed map[string]cty.Value) cty.Value {
	attrs := map[string]cty.Value{}
	get := func(name string) cty.Value {
		if v, ok := computed[name]; ok {
			return v
		}
		if a := b.Attrs[name]; a != nil {
			return a.Value
		}
		if b.UnknownTypes[name] {
			return cty.DynamicVal
		}
		var blocks []cty.Value
		for _, c := range b.Children {
			if c.Type == name {
				blocks = append(blocks, blockValue(c))
			}
		}
		if blocks != nil {
			return cty.TupleVal(blocks)
		}
		return cty.DynamicVal
	}
	add := func(name string) {
		if _, done := attrs[name]; !done {
			attrs[name] = get(name).Mark(tfres.Ref{Address: addr, Attr: name})
		}
	}
	if in.cfg.wholeUse[key] {
		for name := range b.Attrs {
			add(name)
		}
		for name := range computed {
			add(name)
		}
		for _, c := range b.Children {
			add(c.Type)
		}
		for name := range b.UnknownTypes {
			add(name)
		}
		for name := range in.r.l.an.loose {
			add(name)
		}
	}
	for name := range in.cfg.attrUse[key] {
		add(name)
	}
	return cty.ObjectVal(attrs)
}

// blockValue returns a nested block as an object value: its attributes and
// its own nested blocks as tuples.
func blockValue(b *tfres.Block) cty.Value {
	attrs := make(map[string]cty.Value, len(b.Attrs))
	for name, a := range b.Attrs {
		attrs[name] = a.Value
	}
	groups := map[string][]cty.Value{}
	var order []string
	for _, c := range b.Children {
		if _, ok := groups[c.Type]; !ok {
			order = append(order, c.Type)
		}
		groups[c.Type] = append(groups[c.Type], blockValue(c))
	}
	for _, typ := range order {
		attrs[typ] = cty.TupleVal(groups[typ])
	}
	for typ := range b.UnknownTypes {
		attrs[typ] = cty.DynamicVal
	}
	return cty.ObjectVal(attrs)
}

// relPath returns target relative to base, both clean slash paths in the
// file system, as path.module reports it.
func relPath(base, target string) string {
	if base == target {
		return "."
	}
	bs, ts := splitPath(base), splitPath(target)
	i := 0
	for i < len(bs) && i < len(ts) && bs[i] == ts[i] {
		i++
	}
	var parts []string
	for range bs[i:] {
		parts = append(parts, "..")
	}
	parts = append(parts, ts[i:]...)
	if len(parts) == 0 {
		return "."
	}
	return strings.Join(parts, "/")
}

func splitPath(p string) []string {
	if p == "." || p == "" {
		return nil
	}
	var out []string
	start := 0
	for i := 0; i <= len(p); i++ {
		if i == len(p) || p[i] == '/' {
			if i > start {
				out = append(out, p[start:i])
			}
			start = i + 1
		}
	}
	return out
}
