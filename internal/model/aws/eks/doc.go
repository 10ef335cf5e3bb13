// Package eks is the typed model of AWS EKS resources. It imports model and
// sibling model/aws packages only.
package eks
