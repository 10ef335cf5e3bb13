// Package s3 is the typed model of AWS S3 resources. It imports model and
// sibling model/aws packages only.
package s3
