// Package lambda holds the built-in checks on Lambda functions, their
// resource-based permissions and function URLs.
package lambda
