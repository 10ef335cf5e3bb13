// Package efs holds the built-in checks on EFS file systems and their
// policies.
package efs
