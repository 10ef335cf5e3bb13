// Package tfplan loads `terraform show -json` plan files into evaluated
// resource instances (tfres), the same form HCL evaluation produces, so the
// AWS adapters and checks run on planned values unchanged.
//
// In a plan most values are known; what Terraform marks as known only after
// apply stays unknown here, and the configuration's references become Ref
// marks so split resources still join. It imports model, tfres, go-cty and
// terraform-json; never HCL, checks or reports.
package tfplan
