// Package rds holds the built-in checks on RDS DB instances, DB clusters,
// snapshots and parameter groups.
package rds
