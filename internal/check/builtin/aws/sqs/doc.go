// Package sqs holds the built-in checks on SQS queues.
package sqs
