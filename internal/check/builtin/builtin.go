package builtin

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/s3"
)

// Checks returns every built-in check.
func Checks() []*check.Check {
	var out []*check.Check
	for _, group := range [][]*check.Check{
		s3.Checks(),
	} {
		out = append(out, group...)
	}
	return out
}

// Registry returns the registry of every built-in check.
func Registry() (*check.Registry, error) { return check.NewRegistry(Checks()...) }
