// Package terraform loads Terraform configurations from a file tree and
// evaluates them the way Terraform would before apply: variables, locals,
// count, for_each, dynamic blocks, expressions, the function library, local and
// downloaded modules. What cannot be known is left unknown, never guessed.
//
// Load walks the tree for directories holding .tf and .tf.json files; those
// not called as a local module by another directory are root modules, each
// evaluated on its own. A module directory is parsed and analysed once
// (moduleConfig): its variables, locals, resources, data sources, module
// calls and outputs become nodes, ordered so that each follows what it
// references. Each module instance then evaluates the nodes in that order
// (instance), building every expression's context from only the names it
// refers to.
//
// A resource instance, as other expressions see it, is an object of its
// configured attributes plus an unknown value for every other attribute read
// from it anywhere; every attribute carries a tfres.Ref mark naming the
// instance, so the link survives locals, module boundaries and functions.
// aws_iam_policy_document is evaluated for real; other data sources export
// unknown values.
//
// Problems in the input are diagnostics with source ranges; a file that does
// not parse is left out and everything else still loads. Work is bounded:
// instance counts, module depth and file sizes have limits.
//
// It produces tfres resource instances and diagnostics. It imports model,
// tfres, hcl and go-cty; never checks, reports or provider adapters.
package terraform
