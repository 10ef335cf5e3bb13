// Package sqs is the typed model of AWS SQS resources. It imports model and
// sibling model/aws packages only.
package sqs
