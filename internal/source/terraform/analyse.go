package terraform

import (
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// analysis gathers what is learnt across every module of a load.
type analysis struct {
	mu sync.Mutex
	// funcs holds every function name called, so calls to functions we do
	// not know (provider-defined ones) resolve to unknown values.
	funcs map[string]bool
	// loose holds attribute names read from values that may be whole
	// resource objects passed around (each.value.id, module.x.bucket.arn):
	// resources referenced as whole objects expose them all.
	loose map[string]bool
	// frozen is set once evaluation starts: from then on funcs and loose
	// are read without locking, and modules first loaded during evaluation
	// (only those past the preload's depth limit) add nothing.
	frozen bool
}

// freeze ends collection; see frozen.
func (an *analysis) freeze() {
	an.mu.Lock()
	defer an.mu.Unlock()
	an.frozen = true
}

func newAnalysis() *analysis {
	return &analysis{funcs: map[string]bool{}, loose: map[string]bool{}}
}

type nodeKind uint8

const (
	nodeVariable nodeKind = iota
	nodeLocal
	nodeResource
	nodeCall
	nodeOutput
)

// node is one thing in a module that has a value: a variable, local,
// resource, data source, module call or output.
type node struct {
	kind  nodeKind
	key   string
	rng   hcl.Range
	needs []need
	// cyclic is set on nodes in a reference cycle.
	cyclic bool

	variable *variableConfig
	local    *localConfig
	resource *resourceConfig
	call     *callConfig
	output   *outputConfig
}

// need is one name an expression refers to: root "var", "local", "module",
// "data" (a is the type, b the name), a resource type (a is the name), or
// another root (path, count, each, for-expression symbols).
type need struct {
	root string
	a, b string
}

// key is the node key the need refers to, "" for none.
func (n need) key() string {
	switch n.root {
	case "var", "local", "module":
		return n.root + "." + n.a
	case "data":
		return "data." + n.a + "." + n.b
	case "count", "each", "self", "path", "terraform":
		return ""
	}
	if n.a == "" {
		return ""
	}
	return n.root + "." + n.a
}

// collector gathers the needs of one node and the module's attribute use.
type collector struct {
	m       *moduleConfig
	needs   map[need]hcl.Range
	funcs   map[string]bool
	loose   map[string]bool
	precise map[*hclsyntax.ScopeTraversalExpr]bool
	// unresolved holds `TYPE.NAME` references that name no resource of the
	// module, and symbols the names that for expressions and dynamic blocks
	// bind in the node: an unresolved reference whose root is one of them
	// reads the symbol, any other an undeclared resource.
	unresolved map[string]hcl.Range
	symbols    map[string]bool
}

func (c *collector) expr(e hcl.Expression) {
	if e == nil {
		return
	}
	sn, ok := e.(hclsyntax.Node)
	if !ok {
		for _, t := range e.Variables() {
			c.traversal(t, false)
		}
		return
	}
	hclsyntax.VisitAll(sn, func(x hclsyntax.Node) hcl.Diagnostics {
		switch x := x.(type) {
		case *hclsyntax.ScopeTraversalExpr:
			c.traversal(x.Traversal, c.precise[x])
		case *hclsyntax.RelativeTraversalExpr:
			c.relative(x)
		case *hclsyntax.SplatExpr:
			c.splat(x)
		case *hclsyntax.FunctionCallExpr:
			c.funcs[x.Name] = true
		case *hclsyntax.ForExpr:
			c.symbols[x.KeyVar] = true
			c.symbols[x.ValVar] = true
		}
		return nil
	})
}

// relative handles `EXPR.attr`: when EXPR is `aws_x.y[i]` the attribute
// read is known precisely; otherwise it is a loose name.
func (c *collector) relative(x *hclsyntax.RelativeTraversalExpr) {
	for _, s := range x.Traversal {
		if a, ok := s.(hcl.TraverseAttr); ok {
			c.loose[a.Name] = true
		}
	}
	idx, ok := x.Source.(*hclsyntax.IndexExpr)
	if !ok || len(x.Traversal) == 0 {
		return
	}
	src, ok := idx.Collection.(*hclsyntax.ScopeTraversalExpr)
	if !ok {
		return
	}
	first, ok := x.Traversal[0].(hcl.TraverseAttr)
	if !ok {
		return
	}
	if key, n := c.resourceKey(src.Traversal); key != "" && n == len(src.Traversal) {
		c.use(key, first.Name)
		c.precise[src] = true
	}
}

// splat handles `aws_x.y[*].attr`.
func (c *collector) splat(x *hclsyntax.SplatExpr) {
	src, ok := x.Source.(*hclsyntax.ScopeTraversalExpr)
	if !ok {
		return
	}
	each, ok := x.Each.(*hclsyntax.RelativeTraversalExpr)
	if !ok || len(each.Traversal) == 0 {
		return
	}
	if _, ok := each.Source.(*hclsyntax.AnonSymbolExpr); !ok {
		return
	}
	first, ok := each.Traversal[0].(hcl.TraverseAttr)
	if !ok {
		return
	}
	if key, n := c.resourceKey(src.Traversal); key != "" && n == len(src.Traversal) {
		c.use(key, first.Name)
		c.precise[src] = true
	}
}

// resourceKey returns the resource key a traversal starts with and how many
// steps that takes, or "" when it names no resource of the module.
func (c *collector) resourceKey(t hcl.Traversal) (string, int) {
	root := t.RootName()
	switch root {
	case "var", "local", "module", "count", "each", "self", "path", "terraform":
		return "", 0
	case "data":
		if len(t) < 3 {
			return "", 0
		}
		typ, ok1 := t[1].(hcl.TraverseAttr)
		name, ok2 := t[2].(hcl.TraverseAttr)
		if !ok1 || !ok2 {
			return "", 0
		}
		return "data." + typ.Name + "." + name.Name, 3
	}
	if len(t) < 2 {
		return "", 0
	}
	name, ok := t[1].(hcl.TraverseAttr)
	if !ok {
		return "", 0
	}
	return root + "." + name.Name, 2
}

func (c *collector) use(key, attr string) {
	u := c.m.attrUse[key]
	if u == nil {
		u = map[string]bool{}
		c.m.attrUse[key] = u
	}
	u[attr] = true
}

// traversal records what an absolute traversal needs and reads. precise is
// set when the attribute read was already recorded by the enclosing
// expression.
func (c *collector) traversal(t hcl.Traversal, precise bool) {
	root := t.RootName()
	attrAt := func(i int) string {
		if i < len(t) {
			if a, ok := t[i].(hcl.TraverseAttr); ok {
				return a.Name
			}
		}
		return ""
	}
	looseFrom := func(i int) {
		for ; i < len(t); i++ {
			if a, ok := t[i].(hcl.TraverseAttr); ok {
				c.loose[a.Name] = true
			}
		}
	}
	switch root {
	case "var", "local", "module":
		if name := attrAt(1); name != "" {
			c.needs[need{root: root, a: name}] = t.SourceRange()
		}
		if root == "module" {
			// module.NAME.OUTPUT: the output is not a resource attribute,
			// but what is read from it may be.
			looseFrom(3)
		} else {
			looseFrom(2)
		}
		return
	case "count", "each", "self", "path", "terraform":
		c.needs[need{root: root}] = t.SourceRange()
		looseFrom(2)
		return
	case "data":
		if typ, name := attrAt(1), attrAt(2); typ != "" && name != "" {
			c.needs[need{root: "data", a: typ, b: name}] = t.SourceRange()
		}
	default:
		name := attrAt(1)
		if name == "" || c.m.resources[root+"."+name] == nil {
			// A for-expression symbol, a dynamic block iterator or an
			// undeclared name.
			c.needs[need{root: root}] = t.SourceRange()
			if name != "" && root != "ephemeral" {
				if _, seen := c.unresolved[root+"."+name]; !seen {
					c.unresolved[root+"."+name] = t.SourceRange()
				}
			}
			looseFrom(1)
			return
		}
		c.needs[need{root: root, a: name}] = t.SourceRange()
	}
	key, n := c.resourceKey(t)
	if key == "" || precise {
		return
	}
	if n < len(t) {
		switch t[n].(type) {
		case hcl.TraverseIndex, hcl.TraverseSplat:
			n++
		}
	}
	if a := attrAt(n); a != "" {
		c.use(key, a)
		looseFrom(n + 1)
		return
	}
	c.m.wholeUse[key] = true
	looseFrom(n)
}

// body collects from every attribute and nested block of b, leaving out
// meta-arguments when skip is set.
func (c *collector) body(b *body, skip map[string]bool) {
	for _, a := range b.attrs {
		if !skip[a.name] {
			c.expr(a.expr)
		}
	}
	for _, blk := range b.blocks {
		if skip[blk.typ] {
			continue
		}
		if blk.typ == "dynamic" {
			if len(blk.labels) == 1 {
				c.symbols[blk.labels[0]] = true
			}
			if a := blk.body.attr("iterator"); a != nil {
				c.symbols[hcl.ExprAsKeyword(a.expr)] = true
			}
		}
		c.body(blk.body, nil)
	}
}

// analyse builds the module's nodes, their needs, and an evaluation order;
// reference cycles are reported and their members evaluated in a fixed
// order with what is available.
func (m *moduleConfig) analyse(an *analysis) {
	m.attrUse = map[string]map[string]bool{}
	m.wholeUse = map[string]bool{}
	funcs, loose := map[string]bool{}, map[string]bool{}
	precise := map[*hclsyntax.ScopeTraversalExpr]bool{}
	nodes := map[string]*node{}
	refRanges := map[need]hcl.Range{}
	undeclared := map[string]hcl.Range{}
	collect := func(n *node, fill func(c *collector)) {
		c := &collector{
			m: m, needs: map[need]hcl.Range{}, funcs: funcs, loose: loose, precise: precise,
			unresolved: map[string]hcl.Range{}, symbols: map[string]bool{},
		}
		fill(c)
		for ref, r := range c.unresolved {
			root, _, _ := strings.Cut(ref, ".")
			if _, seen := undeclared[ref]; !seen && !c.symbols[root] {
				undeclared[ref] = r
			}
		}
		for nd, r := range c.needs {
			n.needs = append(n.needs, nd)
			if _, seen := refRanges[nd]; !seen {
				refRanges[nd] = r
			}
		}
		slices.SortFunc(n.needs, func(a, b need) int {
			return strings.Compare(a.root+"."+a.a+"."+a.b, b.root+"."+b.a+"."+b.b)
		})
		nodes[n.key] = n
	}
	for _, name := range sortedKeys(m.variables) {
		v := m.variables[name]
		collect(&node{kind: nodeVariable, key: "var." + name, rng: v.rng, variable: v}, func(*collector) {})
	}
	for _, name := range sortedKeys(m.locals) {
		l := m.locals[name]
		collect(&node{kind: nodeLocal, key: "local." + name, rng: l.rng, local: l}, func(c *collector) { c.expr(l.expr) })
	}
	for _, key := range sortedKeys(m.resources) {
		r := m.resources[key]
		collect(&node{kind: nodeResource, key: key, rng: r.rng, resource: r}, func(c *collector) {
			c.expr(r.count)
			c.expr(r.forEach)
			c.body(r.body, resourceMeta)
		})
	}
	for _, name := range sortedKeys(m.calls) {
		call := m.calls[name]
		collect(&node{kind: nodeCall, key: "module." + name, rng: call.rng, call: call}, func(c *collector) {
			c.expr(call.count)
			c.expr(call.forEach)
			c.body(call.body, callMeta)
		})
	}
	for _, name := range sortedKeys(m.outputs) {
		o := m.outputs[name]
		collect(&node{kind: nodeOutput, key: "output." + name, rng: o.rng, output: o}, func(c *collector) { c.expr(o.expr) })
	}
	for nd, r := range refRanges {
		switch nd.root {
		case "var", "local", "module", "data":
			if nodes[nd.key()] == nil {
				// Terraform would refuse the configuration; a scanner reads
				// the value as unknown and judges everything else.
				m.diags.Warnf(toRange(r), "reference to undeclared %s; its value is unknown", nd.key())
			}
		}
	}
	for ref, r := range undeclared {
		m.diags.Warnf(toRange(r), "reference to undeclared resource %s; its value is unknown", ref)
	}
	m.order = m.sortNodes(nodes)
	an.mu.Lock()
	defer an.mu.Unlock()
	if an.frozen {
		return
	}
	for f := range funcs {
		an.funcs[f] = true
	}
	for a := range loose {
		an.loose[a] = true
	}
}

// sortNodes orders nodes dependencies first (Tarjan's algorithm, which
// emits strongly connected components in that order) and reports cycles.
func (m *moduleConfig) sortNodes(nodes map[string]*node) []*node {
	keys := sortedKeys(nodes)
	deps := make(map[*node][]*node, len(nodes))
	for _, k := range keys {
		n := nodes[k]
		for _, nd := range n.needs {
			if d := nodes[nd.key()]; d != nil {
				deps[n] = append(deps[n], d)
			}
		}
	}
	index := make(map[*node]int, len(nodes))
	low := make(map[*node]int, len(nodes))
	onStack := make(map[*node]bool, len(nodes))
	var stack, order []*node
	next := 0
	var visit func(n *node)
	visit = func(n *node) {
		index[n], low[n] = next, next
		next++
		stack = append(stack, n)
		onStack[n] = true
		for _, d := range deps[n] {
			if _, seen := index[d]; !seen {
				visit(d)
				low[n] = min(low[n], low[d])
			} else if onStack[d] {
				low[n] = min(low[n], index[d])
			}
		}
		if low[n] != index[n] {
			return
		}
		var scc []*node
		for {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[top] = false
			scc = append(scc, top)
			if top == n {
				break
			}
		}
		if len(scc) > 1 || slices.Contains(deps[n], n) {
			slices.SortFunc(scc, func(a, b *node) int { return strings.Compare(a.key, b.key) })
			names := make([]string, len(scc))
			for i, s := range scc {
				s.cyclic = true
				names[i] = s.key
			}
			m.diags.Errorf(toRange(scc[0].rng), "reference cycle: %s", strings.Join(names, ", "))
		}
		order = append(order, scc...)
	}
	for _, k := range keys {
		if _, seen := index[nodes[k]]; !seen {
			visit(nodes[k])
		}
	}
	return order
}
