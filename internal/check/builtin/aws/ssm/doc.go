// Package ssm holds the built-in checks on Systems Manager parameters and
// documents. Parameter values are never read or printed.
package ssm
