// Package cloudtrail adapts Terraform AWS provider resources of CloudTrail to the typed
// model in model/aws/cloudtrail.
package cloudtrail
