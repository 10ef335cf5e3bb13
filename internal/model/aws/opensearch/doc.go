// Package opensearch is the typed model of AWS OpenSearch resources. It imports model and
// sibling model/aws packages only.
package opensearch
