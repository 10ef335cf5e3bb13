// Package check defines what a check is (metadata plus an Evaluate function
// over the typed model), what it produces (Findings), the explicit Registry
// that holds checks, and the runner.
//
// Checks see only the typed model: they import model (and later iam), never a
// parser, SDK, report or store.
package check
