// Package securityhub is the typed model of AWS SecurityHub resources. It imports model and
// sibling model/aws packages only.
package securityhub
