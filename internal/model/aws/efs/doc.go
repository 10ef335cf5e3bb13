// Package efs is the typed model of AWS EFS resources. It imports model and
// sibling model/aws packages only.
package efs
