package terraform

import (
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// pureFunctions returns the Terraform functions that depend on nothing but
// their arguments. cty's stdlib is used where it behaves as Terraform does;
// the rest are written in the functions_*.go files.
func pureFunctions() map[string]function.Function {
	return map[string]function.Function{
		// Numbers.
		"abs":      stdlib.AbsoluteFunc,
		"ceil":     stdlib.CeilFunc,
		"floor":    stdlib.FloorFunc,
		"log":      stdlib.LogFunc,
		"max":      stdlib.MaxFunc,
		"min":      stdlib.MinFunc,
		"parseint": stdlib.ParseIntFunc,
		"pow":      stdlib.PowFunc,
		"signum":   stdlib.SignumFunc,
		"sum":      sumFunc,

		// Strings.
		"chomp":       stdlib.ChompFunc,
		"endswith":    endsWithFunc,
		"format":      stdlib.FormatFunc,
		"formatlist":  stdlib.FormatListFunc,
		"indent":      stdlib.IndentFunc,
		"join":        stdlib.JoinFunc,
		"lower":       stdlib.LowerFunc,
		"regex":       stdlib.RegexFunc,
		"regexall":    stdlib.RegexAllFunc,
		"replace":     replaceFunc,
		"split":       stdlib.SplitFunc,
		"startswith":  startsWithFunc,
		"strcontains": strContainsFunc,
		"strrev":      stdlib.ReverseFunc,
		"substr":      stdlib.SubstrFunc,
		"title":       stdlib.TitleFunc,
		"trim":        stdlib.TrimFunc,
		"trimprefix":  stdlib.TrimPrefixFunc,
		"trimspace":   stdlib.TrimSpaceFunc,
		"trimsuffix":  stdlib.TrimSuffixFunc,
		"upper":       stdlib.UpperFunc,

		// Collections.
		"alltrue":         allTrueFunc,
		"anytrue":         anyTrueFunc,
		"chunklist":       stdlib.ChunklistFunc,
		"coalesce":        coalesceFunc,
		"coalescelist":    stdlib.CoalesceListFunc,
		"compact":         stdlib.CompactFunc,
		"concat":          stdlib.ConcatFunc,
		"contains":        stdlib.ContainsFunc,
		"distinct":        stdlib.DistinctFunc,
		"element":         stdlib.ElementFunc,
		"flatten":         stdlib.FlattenFunc,
		"index":           indexFunc,
		"keys":            stdlib.KeysFunc,
		"length":          lengthFunc,
		"lookup":          lookupFunc,
		"matchkeys":       matchKeysFunc,
		"merge":           stdlib.MergeFunc,
		"one":             oneFunc,
		"range":           stdlib.RangeFunc,
		"reverse":         stdlib.ReverseListFunc,
		"setintersection": stdlib.SetIntersectionFunc,
		"setproduct":      stdlib.SetProductFunc,
		"setsubtract":     stdlib.SetSubtractFunc,
		"setunion":        stdlib.SetUnionFunc,
		"slice":           stdlib.SliceFunc,
		"sort":            stdlib.SortFunc,
		"transpose":       transposeFunc,
		"values":          stdlib.ValuesFunc,
		"zipmap":          stdlib.ZipmapFunc,

		// Encoding.
		"base64decode":     base64DecodeFunc,
		"base64encode":     base64EncodeFunc,
		"base64gzip":       base64GzipFunc,
		"csvdecode":        stdlib.CSVDecodeFunc,
		"jsondecode":       stdlib.JSONDecodeFunc,
		"jsonencode":       stdlib.JSONEncodeFunc,
		"textdecodebase64": textDecodeBase64Func,
		"textencodebase64": textEncodeBase64Func,
		"urlencode":        urlEncodeFunc,
		"yamldecode":       yamlDecodeFunc,
		"yamlencode":       yamlEncodeFunc,

		// Hashes.
		"base64sha256": hashFunc(hashSHA256, true),
		"base64sha512": hashFunc(hashSHA512, true),
		"md5":          hashFunc(hashMD5, false),
		"sha1":         hashFunc(hashSHA1, false),
		"sha256":       hashFunc(hashSHA256, false),
		"sha512":       hashFunc(hashSHA512, false),
		"uuidv5":       uuidV5Func,

		// Networks.
		"cidrhost":    cidrHostFunc,
		"cidrnetmask": cidrNetmaskFunc,
		"cidrsubnet":  cidrSubnetFunc,
		"cidrsubnets": cidrSubnetsFunc,

		// Dates.
		"formatdate": stdlib.FormatDateFunc,
		"timeadd":    stdlib.TimeAddFunc,
		"timecmp":    timeCmpFunc,

		// Types.
		"can":          tryfunc.CanFunc,
		"issensitive":  isSensitiveFunc,
		"nonsensitive": identityFunc,
		"sensitive":    identityFunc,
		"tobool":       stdlib.MakeToFunc(cty.Bool),
		"tolist":       toCollectionFunc(cty.List(cty.DynamicPseudoType)),
		"tomap":        toCollectionFunc(cty.Map(cty.DynamicPseudoType)),
		"tonumber":     stdlib.MakeToFunc(cty.Number),
		"toset":        toCollectionFunc(cty.Set(cty.DynamicPseudoType)),
		"tostring":     stdlib.MakeToFunc(cty.String),
		"try":          tryfunc.TryFunc,

		// Values only known at apply time, or outside the configuration.
		"bcrypt":          unknownFunc(cty.String),
		"ephemeralasnull": identityFunc,
		"pathexpand":      unknownFunc(cty.String),
		"plantimestamp":   unknownFunc(cty.String),
		"rsadecrypt":      unknownFunc(cty.String),
		"timestamp":       unknownFunc(cty.String),
		"uuid":            unknownFunc(cty.String),
	}
}

// functions returns the function table for one root module: the pure ones,
// those that read files relative to the root module, the template
// functions, and an unknown-returning stand-in for every other name called
// (provider-defined functions, functions of newer Terraform versions).
func (l *loader) functions(dir string) map[string]function.Function {
	fns := make(map[string]function.Function, len(l.pure)+32)
	for k, v := range l.pure {
		fns[k] = v
	}
	files := &fileFuncs{l: l, dir: dir}
	for k, v := range files.table() {
		fns[k] = v
	}
	fns["templatestring"] = templateStringFunc(fns)
	fns["templatefile"] = files.templateFileFunc(fns)
	for name := range l.an.funcs {
		if _, ok := fns[name]; !ok {
			fns[name] = unknownFunc(cty.DynamicPseudoType)
		}
	}
	return fns
}

// unknownFunc returns a function that accepts anything and returns an
// unknown value of ty.
func unknownFunc(ty cty.Type) function.Function {
	return function.New(&function.Spec{
		VarParam: &function.Parameter{
			Name:             "args",
			Type:             cty.DynamicPseudoType,
			AllowUnknown:     true,
			AllowNull:        true,
			AllowDynamicType: true,
			AllowMarked:      true,
		},
		Type: function.StaticReturnType(ty),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			marks := cty.ValueMarks{}
			for _, a := range args {
				_, pvm := a.UnmarkDeepWithPaths()
				for _, pm := range pvm {
					for m := range pm.Marks {
						marks[m] = struct{}{}
					}
				}
			}
			return cty.UnknownVal(retType).WithMarks(marks), nil
		},
	})
}

// identityFunc returns its argument: sensitivity does not matter to a
// scanner, and keeping values known lets checks see them.
var identityFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name:             "value",
		Type:             cty.DynamicPseudoType,
		AllowUnknown:     true,
		AllowNull:        true,
		AllowDynamicType: true,
		AllowMarked:      true,
	}},
	Type: func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) { return args[0], nil },
})

var isSensitiveFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name:             "value",
		Type:             cty.DynamicPseudoType,
		AllowUnknown:     true,
		AllowNull:        true,
		AllowDynamicType: true,
	}},
	Type: function.StaticReturnType(cty.Bool),
	Impl: func([]cty.Value, cty.Type) (cty.Value, error) { return cty.False, nil },
})
