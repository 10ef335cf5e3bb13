// Package iam is the typed model of AWS IAM resources. It imports model and
// sibling model/aws packages only.
package iam
