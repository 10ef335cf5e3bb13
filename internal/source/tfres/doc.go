// Package tfres holds evaluated Terraform resource instances: the one form that
// both HCL evaluation (source/terraform) and plan JSON (source/tfplan) produce
// and that provider adapters (source/tfaws) turn into the typed model.
//
// Values are cty values. A value that could not be resolved is unknown; a value
// that came from another resource carries a Ref mark naming that resource
// instance, even when unknown, so adapters can join split resources (an
// aws_s3_bucket_versioning to its aws_s3_bucket) through variables, locals,
// modules and functions.
//
// It imports model and go-cty only; never HCL, never checks.
package tfres
