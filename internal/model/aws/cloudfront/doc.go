// Package cloudfront is the typed model of AWS CloudFront resources. It imports model and
// sibling model/aws packages only.
package cloudfront
