// Package guardduty holds the built-in checks on GuardDuty detectors and
// their protection plans.
package guardduty
