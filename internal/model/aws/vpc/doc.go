// Package vpc is the typed model of AWS VPC resources. It imports model and
// sibling model/aws packages only.
package vpc
