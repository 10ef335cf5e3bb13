// Package lambda is the typed model of AWS Lambda resources. It imports model and
// sibling model/aws packages only.
package lambda
