// Package backup holds the built-in checks on AWS Backup vaults and plans.
package backup
