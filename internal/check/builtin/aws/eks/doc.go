// Package eks holds the built-in checks on EKS clusters and managed node
// groups.
package eks
