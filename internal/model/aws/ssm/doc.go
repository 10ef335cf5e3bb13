// Package ssm is the typed model of AWS SSM resources. It imports model and
// sibling model/aws packages only.
package ssm
