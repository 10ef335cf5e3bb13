// Package sqs adapts Terraform AWS provider resources of SQS to the typed
// model in model/aws/sqs.
package sqs
