// Package ecr is the typed model of AWS ECR resources. It imports model and
// sibling model/aws packages only.
package ecr
