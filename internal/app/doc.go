// Package app holds Vigil's use cases and is its composition root: it wires
// sources to the model, the model to checks, and checks to suppressions, as a
// list of named, timed stages. The CLI (and later the server) call it; it
// never draws, prints or exits.
package app
