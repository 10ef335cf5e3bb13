// Package tfaws adapts evaluated Terraform resources of the AWS provider to the
// typed AWS model. Each service has its own sub-package; this package runs them
// all. Split resources (aws_s3_bucket_* companions, aws_security_group_rule,
// aws_iam_*_policy_attachment, ...) are joined into the one typed value they
// configure, and a companion that cannot be attributed makes the settings it
// governs unknown rather than guessed.
//
// It imports model, tfres and go-cty; never HCL, checks or reports.
package tfaws
