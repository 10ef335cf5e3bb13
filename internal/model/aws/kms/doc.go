// Package kms is the typed model of AWS KMS resources. It imports model and
// sibling model/aws packages only.
package kms
