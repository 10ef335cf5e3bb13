// Package neptune adapts Terraform AWS provider resources of Amazon Neptune
// to the typed model in model/aws/neptune.
package neptune
