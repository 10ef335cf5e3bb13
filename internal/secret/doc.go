// Package secret recognises credentials in text: a configuration value that
// looks like an access key, a private key or a token assigned to a name such
// as DB_PASSWORD. Sources use it to record that a value is secret-looking
// without keeping the value itself.
//
// It imports the standard library only.
package secret
