// Package glob matches text against the simplest wildcard patterns, "*" for
// any run of characters and "?" for one, in linear space and without
// exponential backtracking. Check patterns ("AWS-S3-*"), resource patterns
// and path segments all use it.
//
// It imports the standard library only.
package glob
