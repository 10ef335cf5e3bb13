// Package opensearch adapts Terraform AWS provider resources of OpenSearch to the typed
// model in model/aws/opensearch.
package opensearch
