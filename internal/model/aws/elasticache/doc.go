// Package elasticache is the typed model of AWS ElastiCache resources. It imports model and
// sibling model/aws packages only.
package elasticache
