// Package cloudwatch is the typed model of AWS CloudWatch resources. It imports model and
// sibling model/aws packages only.
package cloudwatch
