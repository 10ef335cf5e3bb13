// Package iam adapts Terraform AWS provider resources of IAM to the typed
// model in model/aws/iam: users, groups and roles joined with their inline
// policies, attachments, memberships and credentials.
//
// It also owns Document, which every adapter uses to read a policy attribute
// (bucket, key, queue, secret policies...) into an iam.Document, including
// policies written with the aws_iam_policy_document data source whose JSON
// is only known at apply time.
package iam
