// Package opensearch holds the built-in checks on OpenSearch Service domains,
// including legacy Elasticsearch domains.
package opensearch
