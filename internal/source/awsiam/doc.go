// Package awsiam loads the output of `aws iam get-account-authorization-details`
// (GAAD), optionally gzip-compressed, into the typed model: the users, groups,
// roles and managed policies of one account, joined exactly as the Terraform
// adapter joins them (identity → inline policy, attachment → managed policy,
// user → group membership), so the same checks and the same identity engine
// run on a live snapshot and on code.
//
// Every value is explicit and comes from iam:GetAccountAuthorizationDetails
// about the entity's ARN; resource IDs are ARNs, and resource types are
// the CloudFormation names ("AWS::IAM::Role"). What GAAD does not return
// (a role's maximum session duration, access keys, login profiles, tags of
// managed policies) is unknown or absent, never guessed.
//
// It imports model and model/aws only; never checks, outputs or an AWS SDK.
package awsiam
