// Package elasticache holds the built-in checks on ElastiCache replication
// groups, cache clusters and serverless caches.
package elasticache
