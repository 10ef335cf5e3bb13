// Package cloudtrail is the typed model of AWS CloudTrail resources. It imports model and
// sibling model/aws packages only.
package cloudtrail
