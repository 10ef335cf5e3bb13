// Package ecr holds the built-in checks on ECR repositories and registry
// settings.
package ecr
