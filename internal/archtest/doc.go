// Package archtest keeps Vigil's architecture true with tests rather than a
// wiki page: the direction of dependencies between packages, where heavy
// third-party libraries may be imported, package documentation, and the
// committed list of modules linked into cmd/vigil.
//
// It has no non-test code.
package archtest
