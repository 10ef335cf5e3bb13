// Package sns holds the built-in checks on SNS topics and subscriptions.
package sns
