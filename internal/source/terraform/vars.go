package terraform

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/zclconf/go-cty/cty"
)

// rawValue is a value given for a root module variable, before the
// variable's declaration says how to read it.
type rawValue struct {
	val cty.Value
	// str is the text of a -var or TF_VAR_ value, when fromString is set:
	// Terraform reads it as a literal string for primitive types and as an
	// expression otherwise.
	str        string
	fromString bool
	rng        hcl.Range
}

// commonVars reads the values that apply to every root module: TF_VAR_
// environment variables, then -var-file files, then -var values. The caller
// layers each root's own variable files between the two.
func (l *loader) commonVars() (env, late map[string]rawValue) {
	env = map[string]rawValue{}
	for _, kv := range l.opts.Env {
		name, val, ok := strings.Cut(kv, "=")
		if !ok || !strings.HasPrefix(name, "TF_VAR_") || len(name) == len("TF_VAR_") {
			continue
		}
		env[name[len("TF_VAR_"):]] = rawValue{str: val, fromString: true, rng: hcl.Range{Filename: "TF_VAR_" + name[len("TF_VAR_"):]}}
	}
	late = map[string]rawValue{}
	for _, vf := range l.opts.VarFiles {
		p := path.Clean(strings.TrimPrefix(vf, "./"))
		for k, v := range l.varFile(p, l.displayName(p)) {
			late[k] = v
		}
	}
	for _, name := range sortedKeys(l.opts.Vars) {
		late[name] = rawValue{str: l.opts.Vars[name], fromString: true, rng: hcl.Range{Filename: "-var " + name}}
	}
	return env, late
}

// rootVars returns the variable values for the root module in dir, with
// Terraform's precedence: environment, terraform.tfvars,
// terraform.tfvars.json, *.auto.tfvars(.json) in lexical order, then
// -var-file and -var.
func (l *loader) rootVars(dir string) map[string]rawValue {
	out := make(map[string]rawValue, len(l.envVars)+len(l.lateVars))
	for k, v := range l.envVars {
		out[k] = v
	}
	files := []string{"terraform.tfvars", "terraform.tfvars.json"}
	var auto []string
	if entries, err := fs.ReadDir(l.fsys, dir); err == nil {
		for _, e := range entries {
			n := e.Name()
			if !e.IsDir() && (strings.HasSuffix(n, ".auto.tfvars") || strings.HasSuffix(n, ".auto.tfvars.json")) {
				auto = append(auto, n)
			}
		}
	}
	slices.Sort(auto)
	files = append(files, auto...)
	for _, f := range files {
		p := path.Join(dir, f)
		if _, err := fs.Stat(l.fsys, p); err != nil {
			continue
		}
		for k, v := range l.varFile(p, l.displayName(p)) {
			out[k] = v
		}
	}
	for k, v := range l.lateVars {
		out[k] = v
	}
	return out
}

// varFile reads a variable definitions file; its expressions may use no
// variables or functions.
func (l *loader) varFile(fsPath, name string) map[string]rawValue {
	src, err := fs.ReadFile(l.fsys, fsPath)
	if err != nil {
		l.addDiag(func(ds *model.Diagnostics) { ds.Errorf(model.Range{File: name}, "read variable file: %s", err) })
		return nil
	}
	l.addFile(name)
	var f *hcl.File
	var diags hcl.Diagnostics
	if strings.HasSuffix(fsPath, ".json") {
		f, diags = hcljson.Parse(src, name)
	} else {
		f, diags = hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	}
	if diags.HasErrors() || f == nil {
		l.addDiag(func(ds *model.Diagnostics) { addDiags(ds, diags, true, hcl.Range{Filename: name}) })
		return nil
	}
	attrs, adiags := f.Body.JustAttributes()
	diags = append(diags, adiags...)
	out := make(map[string]rawValue, len(attrs))
	for name, a := range attrs {
		v, vdiags := a.Expr.Value(nil)
		diags = append(diags, vdiags...)
		if vdiags.HasErrors() {
			continue
		}
		out[name] = rawValue{val: v, rng: a.Range}
	}
	if len(diags) > 0 {
		l.addDiag(func(ds *model.Diagnostics) { addDiags(ds, diags, true, hcl.Range{Filename: name}) })
	}
	return out
}

// variable returns a variable's value in this module instance: the
// caller's argument or the root's input, else the default, else unknown.
func (in *instance) variable(v *variableConfig) cty.Value {
	var val cty.Value
	set := false
	if in.inputs != nil {
		val, set = in.inputs[v.name]
	} else if raw, ok := in.r.vars[v.name]; ok {
		val, set = in.parseRaw(v, raw), true
	}
	if set && val.IsNull() && !v.nullable {
		set = false
	}
	if !set {
		if v.def != cty.NilVal {
			return v.def
		}
		return cty.UnknownVal(v.typ.WithoutOptionalAttributesDeep())
	}
	cv, err := v.convert(val)
	if err != nil {
		in.r.diags.Errorf(toRange(v.rng), "variable %q: invalid value: %s", v.name, err)
		return cty.UnknownVal(v.typ.WithoutOptionalAttributesDeep())
	}
	return cv
}

// parseRaw reads a root input value as the variable's declaration asks.
func (in *instance) parseRaw(v *variableConfig, raw rawValue) cty.Value {
	if !raw.fromString {
		return raw.val
	}
	if v.literal {
		return cty.StringVal(raw.str)
	}
	expr, diags := hclsyntax.ParseExpression([]byte(raw.str), raw.rng.Filename, hcl.InitialPos)
	if diags.HasErrors() {
		in.r.diags.Errorf(toRange(v.rng), "variable %q: parse value from %s: %s", v.name, raw.rng.Filename, diags.Errs()[0])
		return cty.DynamicVal
	}
	val, diags := expr.Value(nil)
	if diags.HasErrors() {
		in.r.diags.Errorf(toRange(v.rng), "variable %q: evaluate value from %s: %s", v.name, raw.rng.Filename, diags.Errs()[0])
		return cty.DynamicVal
	}
	return val
}
