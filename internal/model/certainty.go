package model

// Certainty says how a value came to be known.
//
// The zero value is Unknown on purpose: a field no source filled in is a value
// nobody could resolve, and checks stay silent on it.
type Certainty uint8

const (
	// Unknown marks a value that could not be resolved: an unset variable with
	// no default, an attribute computed at apply time, a module not downloaded.
	Unknown Certainty = iota
	// Defaulted marks a value the source did not set, so the provider's default
	// applies.
	Defaulted
	// Explicit marks a value set in source or returned by a cloud API.
	Explicit
)

// String returns the lower-case name used in outputs.
func (c Certainty) String() string {
	switch c {
	case Defaulted:
		return "defaulted"
	case Explicit:
		return "explicit"
	default:
		return "unknown"
	}
}
