// Package cloudwatch holds the built-in checks on CloudWatch log groups and
// the CIS monitoring controls: log metric filters and alarms on the log group
// a multi-region CloudTrail trail delivers to.
package cloudwatch
