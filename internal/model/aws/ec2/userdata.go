package ec2

import "github.com/vigil-sec/vigil/internal/model"

// UserData is what is known about the user data an instance is launched
// with. The script itself is not kept, since it may hold secrets: only
// whether there is one and where secrets appear in it.
//
// The embedded Meta is Unknown when the script could not be resolved or
// decoded, or is too large to scan, in which case Secrets says nothing.
type UserData struct {
	model.Meta
	// Present is whether user data is set.
	Present bool
	// Secrets lists the secrets found, in line order.
	Secrets []Secret
}

// Secret is a secret found in user data. It never holds the secret's value.
type Secret struct {
	// Kind names what was found, e.g. "AWS access key ID" or "password".
	Kind string
	// Line is the 1-based line of the decoded user data.
	Line int
}
