// Package guardduty adapts Terraform AWS provider resources of GuardDuty to the typed
// model in model/aws/guardduty.
package guardduty
