// Package guardduty is the typed model of AWS GuardDuty resources. It imports model and
// sibling model/aws packages only.
package guardduty
