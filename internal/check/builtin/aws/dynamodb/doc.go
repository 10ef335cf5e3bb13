// Package dynamodb holds the built-in checks on DynamoDB tables and DynamoDB
// Accelerator (DAX) clusters.
package dynamodb
