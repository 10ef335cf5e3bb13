package app

import (
	"fmt"
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
)

// Selection says which checks to run.
type Selection struct {
	// Checks, when not empty, limits the run to these IDs, slugs, equivalent
	// IDs or globs ("AWS-S3-*").
	Checks []string
	// Skip removes checks named the same way.
	Skip []string
	// Frameworks, when not empty, keeps checks mapped to any of them.
	Frameworks []string
	// MinSeverity drops checks below it; zero keeps all.
	MinSeverity check.Severity
	// Providers, when not empty, keeps checks of these providers.
	Providers []string
	// Services, when not empty, keeps checks of these services.
	Services []string
}

// Select returns the registry's checks that sel keeps. Naming a check or a
// framework that does not exist is an error: a typo in a CI gate must not
// silently run nothing.
func Select(reg *check.Registry, sel Selection) ([]*check.Check, error) {
	for _, key := range append(append([]string{}, sel.Checks...), sel.Skip...) {
		if len(reg.Match(key)) == 0 {
			return nil, fmt.Errorf("select checks: no check matches %q", key)
		}
	}
	for _, fw := range sel.Frameworks {
		if !knownFramework(fw) {
			return nil, fmt.Errorf("select checks: unknown framework %q (see `vigil checks frameworks`)", fw)
		}
	}
	keep := map[*check.Check]bool{}
	if len(sel.Checks) > 0 {
		for _, key := range sel.Checks {
			for _, c := range reg.Match(key) {
				keep[c] = true
			}
		}
	}
	skip := map[*check.Check]bool{}
	for _, key := range sel.Skip {
		for _, c := range reg.Match(key) {
			skip[c] = true
		}
	}
	var out []*check.Check
	for _, c := range reg.All() {
		switch {
		case len(sel.Checks) > 0 && !keep[c], skip[c]:
		case c.Severity < sel.MinSeverity:
		case len(sel.Frameworks) > 0 && !anyFramework(c, sel.Frameworks):
		case len(sel.Providers) > 0 && !containsFold(sel.Providers, c.Provider):
		case len(sel.Services) > 0 && !containsFold(sel.Services, c.Service):
		default:
			out = append(out, c)
		}
	}
	return out, nil
}

func knownFramework(key string) bool {
	for _, f := range check.Frameworks {
		if f.Key == key {
			return true
		}
	}
	return false
}

func anyFramework(c *check.Check, fws []string) bool {
	for _, fw := range fws {
		if c.HasFramework(fw) {
			return true
		}
	}
	return false
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
