package tfres

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/zclconf/go-cty/cty"
)

// Mode tells managed resources from data sources.
type Mode uint8

const (
	// Managed is a `resource` block.
	Managed Mode = iota
	// Data is a `data` block.
	Data
)

// Resource is one evaluated resource instance.
type Resource struct {
	Mode Mode
	// Type is the resource type, e.g. "aws_s3_bucket".
	Type string
	// Name is the local name in its module.
	Name string
	// Module is the module path, "" for the root, "module.a.module.b" inside.
	Module string
	// Key is the instance key: cty.NilVal without count/for_each, a number
	// for count, a string for for_each; unknown when it could not be resolved.
	Key cty.Value
	// Address is the full instance address,
	// e.g. `module.a.aws_s3_bucket.logs["x"]`.
	Address string
	// Body is the evaluated configuration.
	Body *Block
	// Conditional reports that the instance may not exist: its count or
	// for_each, or a calling module's, could not be resolved, so the
	// evaluator stands in one instance with an unknown key ([*]).
	Conditional bool
	// Root is the directory of the root module the instance was evaluated
	// under, slash-separated and relative to the scan root ("." for the scan
	// root itself; "" when the source has no such notion, as a plan). A tree
	// with several root modules (envs/dev, envs/prod) repeats addresses, and
	// Ref marks only ever point within their own root: index one Set per
	// root to join companions exactly.
	Root string
}

// Ref is a cty mark on a value that was read from a resource instance's
// attribute, known or not.
type Ref struct {
	// Address is the instance address of the referenced resource.
	Address string
	// Attr is the top-level attribute that was read ("id", "arn", "bucket").
	Attr string
}

// Identity returns the model identity of r.
func (r *Resource) Identity(name string) model.Resource {
	if name == "" {
		name = r.Name
	}
	return model.Resource{ID: r.Address, Type: r.Type, Name: name, Origin: r.Body.Origin, Tags: r.Body.StringMap("tags"), Conditional: r.Conditional}
}
