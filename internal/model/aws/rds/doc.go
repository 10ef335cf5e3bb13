// Package rds is the typed model of AWS RDS resources. It imports model and
// sibling model/aws packages only.
package rds
