// Package redshift holds the built-in checks on Redshift provisioned clusters,
// their parameter groups, and Redshift Serverless namespaces and workgroups.
package redshift
