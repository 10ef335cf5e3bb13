package model

import (
	"fmt"
	"strings"
)

// Range is a span of a source file. Lines and columns are 1-based; a zero
// Range means "no file position" (a value from a cloud API, say).
type Range struct {
	// File is slash-separated and relative to the scan root.
	File      string
	StartLine int
	StartCol  int
	EndLine   int
	EndCol    int
}

// IsZero reports whether r names no position.
func (r Range) IsZero() bool { return r.File == "" && r.StartLine == 0 }

// String renders r as file:line or file:start-end.
func (r Range) String() string {
	switch {
	case r.File == "":
		return ""
	case r.StartLine == 0:
		return r.File
	case r.EndLine > r.StartLine:
		return fmt.Sprintf("%s:%d-%d", r.File, r.StartLine, r.EndLine)
	default:
		return fmt.Sprintf("%s:%d", r.File, r.StartLine)
	}
}

// Contains reports whether o lies within r (same file, lines inside).
func (r Range) Contains(o Range) bool {
	return r.File == o.File && r.StartLine <= o.StartLine && o.EndLine <= max(r.EndLine, r.StartLine)
}

// Call is one module call on the way to a value: the `module "name"` block
// that instantiated the module the value was defined in.
type Call struct {
	Name  string
	Range Range
}

// Origin says where a value or resource came from: a source range reached
// through a chain of module calls, or a cloud API call about a resource ARN.
type Origin struct {
	Range Range
	// Module lists the module calls from the root module inward.
	Module []Call
	// API names the cloud API operation that returned the value, e.g.
	// "s3:GetBucketEncryption".
	API string
	// ARN names the live resource the API call was about.
	ARN string
}

// IsZero reports whether o says nothing.
func (o Origin) IsZero() bool { return o.Range.IsZero() && o.API == "" && o.ARN == "" }

// ModulePath renders the module call chain as Terraform writes it:
// "module.a.module.b", or "" for the root module.
func (o Origin) ModulePath() string {
	if len(o.Module) == 0 {
		return ""
	}
	var b strings.Builder
	for i, c := range o.Module {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString("module.")
		b.WriteString(c.Name)
	}
	return b.String()
}

// String renders the origin for humans: file:line, or API and ARN.
func (o Origin) String() string {
	if !o.Range.IsZero() {
		return o.Range.String()
	}
	switch {
	case o.API != "" && o.ARN != "":
		return o.API + " " + o.ARN
	case o.ARN != "":
		return o.ARN
	default:
		return o.API
	}
}
