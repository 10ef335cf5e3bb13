// Package eks adapts Terraform AWS provider resources of EKS to the typed
// model in model/aws/eks.
package eks
