// Package neptune holds the built-in checks on Amazon Neptune DB clusters and
// their instances.
package neptune
