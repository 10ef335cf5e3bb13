// Package benchtree generates large, realistic Terraform trees from a seed:
// root modules calling shared local modules with count and for_each,
// variables, locals, functions and split resources across the AWS services
// Vigil checks. Benchmarks and the side-by-side comparison with other
// scanners use it, so fixtures are made, never downloaded.
//
// It imports the standard library only.
package benchtree
