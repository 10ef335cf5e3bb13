// Package sns is the typed model of AWS SNS resources. It imports model and
// sibling model/aws packages only.
package sns
