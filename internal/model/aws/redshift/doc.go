// Package redshift is the typed model of AWS Redshift resources. It imports model and
// sibling model/aws packages only.
package redshift
