// Package elasticache adapts Terraform AWS provider resources of ElastiCache to the typed
// model in model/aws/elasticache.
package elasticache
