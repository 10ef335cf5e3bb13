// Package control holds the compliance mappings several AWS checks share, so
// that a framework update is one edit here rather than one per check.
//
// Each function returns a fresh slice: the controls a check names on top of
// the shared set (a CIS control, say) come first, then the set itself.
package control
