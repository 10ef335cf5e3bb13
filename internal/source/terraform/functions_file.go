package terraform

import (
	"encoding/base64"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// maxTemplateFileSize bounds what file functions read.
const maxTemplateFileSize = 16 << 20

// fileFuncs are the functions that read files. Terraform resolves their
// paths against the working directory, which is the root module's
// directory; reads go through the scan's file system and stay inside the
// scan root. A file that is not there is an unknown value and a warning:
// it may be generated before apply.
type fileFuncs struct {
	l   *loader
	dir string
}

func (f *fileFuncs) table() map[string]function.Function {
	return map[string]function.Function{
		// abspath cannot know where the scan root sits on the machine that
		// will apply; a clean relative path still works with the other
		// file functions, which is what it is mostly used for.
		"abspath":          pathFunc(path.Clean),
		"basename":         pathFunc(path.Base),
		"dirname":          pathFunc(path.Dir),
		"file":             f.contentFunc(func(b []byte) (string, error) { return utf8String(b) }),
		"filebase64":       f.contentFunc(func(b []byte) (string, error) { return base64.StdEncoding.EncodeToString(b), nil }),
		"filebase64sha256": f.hashFileFunc(hashSHA256, true),
		"filebase64sha512": f.hashFileFunc(hashSHA512, true),
		"fileexists":       f.existsFunc(),
		"filemd5":          f.hashFileFunc(hashMD5, false),
		"fileset":          f.filesetFunc(),
		"filesha1":         f.hashFileFunc(hashSHA1, false),
		"filesha256":       f.hashFileFunc(hashSHA256, false),
		"filesha512":       f.hashFileFunc(hashSHA512, false),
	}
}

func utf8String(b []byte) (string, error) {
	if !utf8.Valid(b) {
		return "", errors.New("contents are not valid UTF-8; use filebase64 to read binary files")
	}
	return string(b), nil
}

// resolve maps a path argument to a file system path inside the scan root.
func (f *fileFuncs) resolve(p string) (string, bool) {
	if strings.HasPrefix(p, "/") || strings.HasPrefix(p, "~") || strings.Contains(p, "\\") {
		return "", false
	}
	full := path.Join(f.dir, p)
	return full, f.l.inRoot(full)
}

// read returns a file's content, or ok unset when it cannot be read here.
func (f *fileFuncs) read(p string) ([]byte, bool) {
	full, ok := f.resolve(p)
	if !ok {
		f.l.addDiag(func(ds *model.Diagnostics) {
			ds.Warnf(model.Range{File: f.l.displayName(f.dir)}, "file %q is outside the scan root; its content is unknown", p)
		})
		return nil, false
	}
	info, err := fs.Stat(f.l.fsys, full)
	if err != nil || info.IsDir() || info.Size() > maxTemplateFileSize {
		f.l.addDiag(func(ds *model.Diagnostics) {
			ds.Warnf(model.Range{File: f.l.displayName(full)}, "file not readable; its content is unknown")
		})
		return nil, false
	}
	b, err := fs.ReadFile(f.l.fsys, full)
	if err != nil {
		return nil, false
	}
	return b, true
}

func (f *fileFuncs) contentFunc(conv func([]byte) (string, error)) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			b, ok := f.read(args[0].AsString())
			if !ok {
				return cty.UnknownVal(cty.String), nil
			}
			s, err := conv(b)
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(s), nil
		},
	})
}

func (f *fileFuncs) hashFileFunc(h func() hash.Hash, b64 bool) function.Function {
	return f.contentFunc(func(b []byte) (string, error) { return digest(h, b, b64), nil })
}

func pathFunc(op func(string) string) function.Function {
	return stringFunc(func(s string) (string, error) { return op(s), nil })
}

func (f *fileFuncs) existsFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			full, ok := f.resolve(args[0].AsString())
			if !ok {
				return cty.UnknownVal(cty.Bool), nil
			}
			info, err := fs.Stat(f.l.fsys, full)
			if err != nil {
				return cty.False, nil
			}
			if info.IsDir() {
				return cty.NilVal, fmt.Errorf("%q is a directory, not a file", args[0].AsString())
			}
			return cty.True, nil
		},
	})
}

// filesetFunc lists the files under a directory matching a glob pattern
// (with ** for any depth), as paths relative to that directory.
func (f *fileFuncs) filesetFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "pattern", Type: cty.String},
		},
		Type: function.StaticReturnType(cty.Set(cty.String)),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			base, ok := f.resolve(args[0].AsString())
			if !ok {
				return cty.UnknownVal(cty.Set(cty.String)), nil
			}
			pattern := path.Clean(args[1].AsString())
			if _, err := path.Match(strings.ReplaceAll(pattern, "**", "*"), ""); err != nil {
				return cty.NilVal, fmt.Errorf("invalid pattern %q: %w", pattern, err)
			}
			var matches []string
			err := fs.WalkDir(f.l.fsys, base, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || len(matches) > maxInstances {
					return nil
				}
				rel := strings.TrimPrefix(strings.TrimPrefix(p, base), "/")
				if globMatch(pattern, rel) {
					matches = append(matches, rel)
				}
				return nil
			})
			if err != nil || len(matches) == 0 {
				return cty.SetValEmpty(cty.String), nil
			}
			slices.Sort(matches)
			vals := make([]cty.Value, len(matches))
			for i, m := range matches {
				vals[i] = cty.StringVal(m)
			}
			return cty.SetVal(vals), nil
		},
	})
}

// globMatch matches a slash path against a pattern where "**" spans any
// number of directories and the other elements follow path.Match.
func globMatch(pattern, name string) bool {
	ps, ns := strings.Split(pattern, "/"), strings.Split(name, "/")
	var match func(pi, ni int) bool
	match = func(pi, ni int) bool {
		for pi < len(ps) {
			if ps[pi] == "**" {
				for k := ni; k <= len(ns); k++ {
					if match(pi+1, k) {
						return true
					}
				}
				return false
			}
			if ni >= len(ns) {
				return false
			}
			if ok, _ := path.Match(ps[pi], ns[ni]); !ok {
				return false
			}
			pi++
			ni++
		}
		return ni == len(ns)
	}
	return match(0, 0)
}

// templateFileFunc renders a template file with the given variables.
func (f *fileFuncs) templateFileFunc(fns map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "vars", Type: cty.DynamicPseudoType},
		},
		Type: function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			b, ok := f.read(args[0].AsString())
			if !ok {
				return cty.DynamicVal, nil
			}
			return renderTemplate(string(b), f.l.displayName(path.Join(f.dir, args[0].AsString())), args[1], fns)
		},
	})
}

// templateStringFunc renders a string as a template.
func templateStringFunc(fns map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "template", Type: cty.String},
			{Name: "vars", Type: cty.DynamicPseudoType},
		},
		Type: function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return renderTemplate(args[0].AsString(), "<templatestring>", args[1], fns)
		},
	})
}

// renderTemplate evaluates a template with vars as its only variables.
// Templates may not call templatefile themselves, which keeps recursion out.
func renderTemplate(src, name string, vars cty.Value, fns map[string]function.Function) (cty.Value, error) {
	expr, diags := hclsyntax.ParseTemplate([]byte(src), name, hcl.InitialPos)
	if diags.HasErrors() {
		return cty.NilVal, diags
	}
	if !vars.IsWhollyKnown() {
		return cty.DynamicVal, nil
	}
	ty := vars.Type()
	if vars.IsNull() || !(ty.IsMapType() || ty.IsObjectType()) {
		return cty.NilVal, errors.New("vars must be a map or an object")
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: map[string]function.Function{}}
	for k, v := range fns {
		if k != "templatefile" && k != "templatestring" {
			ctx.Functions[k] = v
		}
	}
	for it := vars.ElementIterator(); it.Next(); {
		k, v := it.Element()
		ctx.Variables[k.AsString()] = v
	}
	for _, t := range expr.Variables() {
		if _, ok := ctx.Variables[t.RootName()]; !ok {
			return cty.NilVal, fmt.Errorf("template refers to %q, which vars does not set", t.RootName())
		}
	}
	v, diags := expr.Value(ctx)
	if diags.HasErrors() {
		return cty.NilVal, diags
	}
	return v, nil
}
