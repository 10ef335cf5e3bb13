// Package textdist measures how far apart two strings are, for the
// "did you mean" suggestions of configuration keys, policy actions and the
// like. It imports the standard library only.
package textdist
