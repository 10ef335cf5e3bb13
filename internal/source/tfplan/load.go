package tfplan

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"regexp"
	"slices"
	"sort"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/source/tfres"
	"github.com/zclconf/go-cty/cty"
)

// IsPlan reports whether data looks like a Terraform JSON plan, so callers
// can tell plans from other JSON files without a full parse.
func IsPlan(data []byte) bool {
	var probe struct {
		FormatVersion   string          `json:"format_version"`
		ResourceChanges json.RawMessage `json:"resource_changes"`
		PlannedValues   json.RawMessage `json:"planned_values"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return false
	}
	return probe.FormatVersion != "" && (probe.ResourceChanges != nil || probe.PlannedValues != nil)
}

// Load reads a plan. file is the plan's path as findings should show it.
// A plan that does not parse is an error diagnostic, not an error: the rest
// of a scan goes on.
func Load(r io.Reader, file string) ([]*tfres.Resource, model.Diagnostics) {
	var diags model.Diagnostics
	data, err := io.ReadAll(r)
	if err != nil {
		diags.Errorf(model.Range{File: file}, "read plan: %v", err)
		return nil, diags
	}
	var plan tfjson.Plan
	if err := plan.UnmarshalJSON(data); err != nil {
		diags.Errorf(model.Range{File: file, StartLine: jsonErrorLine(data, err)}, "parse plan: %v", err)
		return nil, diags
	}
	l := &loader{file: file, config: map[string]*tfjson.ConfigModule{}, instances: map[string][]string{}}
	if plan.Config != nil && plan.Config.RootModule != nil {
		l.indexConfig("", plan.Config.RootModule)
	}
	changes := plan.ResourceChanges
	for _, rc := range changes {
		if rc.Change == nil || rc.Change.Actions.Delete() || rc.DeposedKey != "" {
			continue
		}
		base := unindexed(rc.Address)
		l.instances[base] = append(l.instances[base], rc.Address)
	}
	var out []*tfres.Resource
	for _, rc := range changes {
		if rc.Change == nil || rc.Change.Actions.Delete() || rc.DeposedKey != "" {
			continue
		}
		out = append(out, l.resource(rc))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Address < out[j].Address })
	return out, diags
}

type loader struct {
	file string
	// config maps a module path without instance keys ("module.a.module.b")
	// to its configuration.
	config map[string]*tfjson.ConfigModule
	// instances maps an address without instance keys to instance addresses.
	instances map[string][]string
}

func (l *loader) indexConfig(path string, m *tfjson.ConfigModule) {
	l.config[path] = m
	names := make([]string, 0, len(m.ModuleCalls))
	for name := range m.ModuleCalls {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		call := m.ModuleCalls[name]
		if call.Module == nil {
			continue
		}
		child := "module." + name
		if path != "" {
			child = path + "." + child
		}
		l.indexConfig(child, call.Module)
	}
}

func (l *loader) resource(rc *tfjson.ResourceChange) *tfres.Resource {
	mode := tfres.Managed
	if rc.Mode == tfjson.DataResourceMode {
		mode = tfres.Data
	}
	origin := model.Origin{Range: model.Range{File: l.file}, Module: moduleCalls(rc.ModuleAddress)}
	r := &tfres.Resource{
		Mode:    mode,
		Type:    rc.Type,
		Name:    rc.Name,
		Module:  rc.ModuleAddress,
		Key:     indexValue(rc.Index),
		Address: rc.Address,
	}
	after, _ := rc.Change.After.(map[string]any)
	r.Body = block("", after, rc.Change.AfterUnknown, origin)
	l.markRefs(r, rc)
	return r
}

// markRefs puts Ref marks on top-level attributes whose configuration
// expression references other resources, so adapters can join a companion
// whose target's ID is unknown until apply.
func (l *loader) markRefs(r *tfres.Resource, rc *tfjson.ResourceChange) {
	cm := l.config[unindexed(rc.ModuleAddress)]
	if cm == nil {
		return
	}
	local := strings.TrimPrefix(unindexed(rc.Address), unindexed(rc.ModuleAddress)+".")
	var cr *tfjson.ConfigResource
	for _, c := range cm.Resources {
		if c.Address == local {
			cr = c
			break
		}
	}
	if cr == nil {
		return
	}
	for name, expr := range cr.Expressions {
		a := r.Body.Attrs[name]
		if expr == nil || len(expr.References) == 0 {
			continue
		}
		var marks []any
		for _, ref := range expr.References {
			target, attr := splitRef(ref)
			if target == "" {
				continue
			}
			if inst := l.instanceFor(rc, target); inst != "" {
				marks = append(marks, tfres.Ref{Address: inst, Attr: attr})
			}
		}
		if len(marks) == 0 {
			continue
		}
		if a == nil {
			a = &tfres.Attribute{Name: name, Value: cty.DynamicVal, Origin: r.Body.Origin}
			r.Body.Attrs[name] = a
		}
		a.Value = a.Value.WithMarks(cty.NewValueMarks(marks...))
	}
}

// instanceFor picks the instance of target (relative to rc's module) that rc
// means: the only one, or the one with rc's own key (count.index and
// each.key patterns). Ambiguous references give none, which leaves the join
// to value matching or makes it unresolvable.
func (l *loader) instanceFor(rc *tfjson.ResourceChange, target string) string {
	base := target
	if rc.ModuleAddress != "" {
		base = unindexed(rc.ModuleAddress) + "." + target
	}
	insts := l.instances[base]
	switch {
	case len(insts) == 1:
		return insts[0]
	case len(insts) == 0:
		return ""
	}
	key := strings.TrimPrefix(rc.Address, unindexed(rc.Address))
	for _, inst := range insts {
		if strings.HasSuffix(inst, key) && key != "" && strings.HasPrefix(unindexed(inst), base) {
			return inst
		}
	}
	return ""
}

var indexPattern = regexp.MustCompile(`\[[^\]]*\]`)

// unindexed strips instance keys: module.a[0].aws_s3_bucket.b["x"] becomes
// module.a.aws_s3_bucket.b.
func unindexed(addr string) string { return indexPattern.ReplaceAllString(addr, "") }

// splitRef turns a configuration reference into a resource address relative
// to its module and the attribute read: "aws_s3_bucket.b.id" gives
// ("aws_s3_bucket.b", "id"). References to variables, locals, modules and
// other non-resources give "".
func splitRef(ref string) (target, attr string) {
	parts := strings.Split(unindexed(ref), ".")
	if len(parts) == 0 {
		return "", ""
	}
	switch parts[0] {
	case "var", "local", "module", "each", "count", "path", "terraform", "self":
		return "", ""
	case "data":
		if len(parts) < 3 {
			return "", ""
		}
		target = strings.Join(parts[:3], ".")
		if len(parts) > 3 {
			attr = parts[3]
		}
		return target, attr
	}
	if len(parts) < 2 {
		return "", ""
	}
	target = parts[0] + "." + parts[1]
	if len(parts) > 2 {
		attr = parts[2]
	}
	return target, attr
}

func moduleCalls(moduleAddr string) []model.Call {
	if moduleAddr == "" {
		return nil
	}
	var calls []model.Call
	parts := strings.Split(unindexed(moduleAddr), ".")
	for i := 0; i+1 < len(parts); i += 2 {
		if parts[i] == "module" {
			calls = append(calls, model.Call{Name: parts[i+1]})
		}
	}
	return calls
}

func indexValue(idx any) cty.Value {
	switch v := idx.(type) {
	case nil:
		return cty.NilVal
	case string:
		return cty.StringVal(v)
	case float64:
		return cty.NumberFloatVal(v)
	case json.Number:
		f, _, err := big.ParseFloat(string(v), 10, 512, big.ToNearestEven)
		if err != nil {
			return cty.UnknownVal(cty.Number)
		}
		return cty.NumberVal(f)
	}
	return cty.DynamicVal
}

// block builds a tfres block from a JSON object and its after_unknown twin.
// Arrays of objects are nested blocks: without provider schemas that is the
// only shape plan JSON gives them.
func block(typ string, obj map[string]any, unknown any, o model.Origin) *tfres.Block {
	b := tfres.NewBlock(typ, o)
	unk, _ := unknown.(map[string]any)
	keys := make([]string, 0, len(obj)+len(unk))
	for k := range obj {
		keys = append(keys, k)
	}
	for k := range unk {
		if _, ok := obj[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		v, u := obj[k], unk[k]
		if u == true {
			b.Attrs[k] = &tfres.Attribute{Name: k, Value: cty.DynamicVal, Origin: o}
			continue
		}
		if list, ok := v.([]any); ok && len(list) > 0 && allObjects(list) {
			ul, _ := u.([]any)
			for i, item := range list {
				var ui any
				if i < len(ul) {
					ui = ul[i]
				}
				b.Children = append(b.Children, block(k, item.(map[string]any), ui, o))
			}
			continue
		}
		if v == nil {
			continue
		}
		b.Attrs[k] = &tfres.Attribute{Name: k, Value: toCty(v, u), Origin: o}
	}
	return b
}

func allObjects(list []any) bool {
	for _, it := range list {
		if _, ok := it.(map[string]any); !ok {
			return false
		}
	}
	return true
}

// toCty converts a JSON value, replacing parts after_unknown marks unknown.
func toCty(v any, unknown any) cty.Value {
	if unknown == true {
		return cty.DynamicVal
	}
	switch t := v.(type) {
	case nil:
		return cty.NullVal(cty.DynamicPseudoType)
	case string:
		return cty.StringVal(t)
	case bool:
		return cty.BoolVal(t)
	case float64:
		return cty.NumberFloatVal(t)
	case json.Number:
		f, _, err := big.ParseFloat(string(t), 10, 512, big.ToNearestEven)
		if err != nil {
			return cty.UnknownVal(cty.Number)
		}
		return cty.NumberVal(f)
	case []any:
		ul, _ := unknown.([]any)
		vals := make([]cty.Value, len(t))
		for i, it := range t {
			var u any
			if i < len(ul) {
				u = ul[i]
			}
			vals[i] = toCty(it, u)
		}
		if len(vals) == 0 {
			return cty.EmptyTupleVal
		}
		return cty.TupleVal(vals)
	case map[string]any:
		um, _ := unknown.(map[string]any)
		attrs := make(map[string]cty.Value, len(t))
		for k, it := range t {
			attrs[k] = toCty(it, um[k])
		}
		return cty.ObjectVal(attrs)
	}
	return cty.DynamicVal
}

// jsonErrorLine turns a JSON syntax error's byte offset into a line number.
func jsonErrorLine(data []byte, err error) int {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return 0
	}
	return bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n")) + 1
}
