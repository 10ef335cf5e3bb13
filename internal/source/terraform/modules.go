package terraform

import (
	"context"
	"encoding/json"
	"io/fs"
	"path"
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/zclconf/go-cty/cty"
)

// manifest maps module keys ("vpc", "vpc.subnets") to the directories
// `terraform init` downloaded them to, from .terraform/modules/modules.json.
type manifest map[string]string

// readManifest reads the module manifest of the root module in dir; a
// missing manifest is an empty one.
func (l *loader) readManifest(dir string) manifest {
	p := path.Join(dir, ".terraform/modules/modules.json")
	src, err := fs.ReadFile(l.fsys, p)
	if err != nil {
		return nil
	}
	var doc struct {
		Modules []struct {
			Key    string `json:"Key"`
			Source string `json:"Source"`
			Dir    string `json:"Dir"`
		} `json:"Modules"`
	}
	if err := json.Unmarshal(src, &doc); err != nil {
		l.addDiag(func(ds *model.Diagnostics) {
			ds.Warnf(model.Range{File: l.displayName(p)}, "read module manifest: %s", err)
		})
		return nil
	}
	m := manifest{}
	for _, e := range doc.Modules {
		d := strings.ReplaceAll(e.Dir, "\\", "/")
		if e.Key == "" || d == "" || strings.HasPrefix(d, "/") {
			continue
		}
		m[e.Key] = path.Join(dir, d)
	}
	return m
}

// isLocalSource reports whether a module source is a local path.
func isLocalSource(s string) bool {
	return strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") || s == "." || s == ".."
}

// resolve finds the directory a module call loads, or "" with ok unset when
// the module is not available; why goes to the diagnostics.
func (in *instance) resolve(c *callConfig) (dir string, ok bool) {
	key := c.name
	if in.manifestKey != "" {
		key = in.manifestKey + "." + c.name
	}
	l := in.r.l
	if isLocalSource(c.source) {
		dir = path.Join(in.cfg.dir, c.source)
		if !l.inRoot(dir) {
			in.r.diags.Errorf(toRange(c.sourceRng), "module %q: source %q is outside the scanned directory, so its resources are not scanned; scan a directory that contains both, such as the repository root", c.name, c.source)
			return "", false
		}
		return dir, true
	}
	if d, found := in.r.manifest[key]; found && l.inRoot(d) {
		return d, true
	}
	if c.source != "" {
		in.r.diags.Warnf(toRange(c.sourceRng), "module %s not downloaded; its resources are not scanned", key)
	}
	return "", false
}

// call evaluates a module call: each instance's arguments in the caller,
// then the called module with them.
func (in *instance) call(ctx context.Context, n *node) {
	c := n.call
	in.vals[n.key] = cty.DynamicVal
	dir, ok := in.resolve(c)
	if !ok {
		return
	}
	for _, d := range in.dirs {
		if d == dir {
			in.r.diags.Errorf(toRange(c.rng), "module %q calls itself", c.name)
			return
		}
	}
	if in.depth >= maxModuleDepth {
		in.r.diags.Errorf(toRange(c.rng), "module %q: modules nested deeper than %d", c.name, maxModuleDepth)
		return
	}
	cfg := in.r.l.module(dir)
	if cfg == nil {
		if isLocalSource(c.source) {
			in.r.diags.Errorf(toRange(c.sourceRng), "module %q: no Terraform files in %s", c.name, in.r.l.displayName(dir))
		} else {
			// Listed in the manifest, but the download is gone.
			in.r.diags.Warnf(toRange(c.sourceRng), "module %s not downloaded; its resources are not scanned", c.name)
		}
		return
	}
	cctx := in.context(n.needs)
	base := in.path
	if base != "" {
		base += "."
	}
	base += "module." + c.name
	exp := in.expand(c.count, c.forEach, cctx, base)
	key := c.name
	if in.manifestKey != "" {
		key = in.manifestKey + "." + c.name
	}
	calls := make([]model.Call, len(in.calls), len(in.calls)+1)
	copy(calls, in.calls)
	calls = append(calls, model.Call{Name: c.name, Range: toRange(c.rng)})
	dirs := append(append([]string(nil), in.dirs...), dir)
	vals := make([]cty.Value, exp.instances())
	for i := range vals {
		ictx := exp.context(cctx, i)
		inputs := make(map[string]cty.Value, len(c.body.attrs))
		for _, a := range c.body.attrs {
			if callMeta[a.name] {
				continue
			}
			if cfg.variables[a.name] == nil {
				in.r.diags.Warnf(toRange(a.rng), "module %q has no variable %q", c.name, a.name)
				continue
			}
			inputs[a.name] = in.eval(a.expr, ictx)
		}
		for _, name := range sortedKeys(cfg.variables) {
			v := cfg.variables[name]
			if _, set := inputs[name]; !set && v.def == cty.NilVal {
				in.r.diags.Errorf(toRange(c.rng), "module %q: missing required argument %q", c.name, name)
			}
		}
		child := &instance{
			r:           in.r,
			cfg:         cfg,
			path:        base + exp.suffix(i),
			manifestKey: key,
			calls:       calls,
			inputs:      inputs,
			depth:       in.depth + 1,
			dirs:        dirs,
		}
		child.run(ctx)
		vals[i] = child.outputs()
	}
	in.vals[n.key] = exp.collect(vals)
}
