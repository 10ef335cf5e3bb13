// Package securityhub holds the built-in checks on Security Hub accounts.
package securityhub
