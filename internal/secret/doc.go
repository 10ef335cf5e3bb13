// Package secret is Vigil's one credential detector. Classify judges a
// single name and value, such as an environment variable; Scan finds
// credentials in text, such as an instance's user data script, by the same
// rules: credential shapes anywhere (access keys, private keys, vendor
// tokens, skipping documented examples), and `key = value`, `key: value` and
// `export KEY=value` assignments whose name and value Classify accepts.
// Both share one set of name words, patterns and exclusions (references,
// placeholders, low-entropy values).
//
// Results carry a kind and, for Scan, a line, never the value: sources use
// them to record that something is secret-looking without keeping it.
// Decoding the input (base64, gzip) is the caller's job.
//
// It imports the standard library only.
package secret
