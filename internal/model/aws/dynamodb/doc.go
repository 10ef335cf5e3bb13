// Package dynamodb is the typed model of AWS DynamoDB resources. It imports model and
// sibling model/aws packages only.
package dynamodb
