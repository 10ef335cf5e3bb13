// Package secretsmanager holds the built-in checks on Secrets Manager
// secrets.
package secretsmanager
