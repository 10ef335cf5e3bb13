package check

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

var (
	idPattern   = regexp.MustCompile(`^[A-Z][A-Z0-9]*-[A-Z0-9]+-[0-9]{3}$`)
	slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)+$`)
)

// Registry holds checks and finds them by ID, slug or an equivalent ID.
type Registry struct {
	checks []*Check
	byKey  map[string]*Check
}

// NewRegistry validates and indexes checks. It fails on a missing field, a
// malformed ID or a duplicate ID or slug: a registry is built from code, so
// any of these is a programming error caught by the tests.
func NewRegistry(checks ...*Check) (*Registry, error) {
	r := &Registry{byKey: map[string]*Check{}}
	var errs []string
	for _, c := range checks {
		if err := validate(c); err != nil {
			errs = append(errs, err.Error())
			continue
		}
		for _, k := range []string{c.ID, c.Slug} {
			k = strings.ToLower(k)
			if prev, ok := r.byKey[k]; ok {
				errs = append(errs, fmt.Sprintf("check %s: %q already used by %s", c.ID, k, prev.ID))
			}
			r.byKey[k] = c
		}
		r.checks = append(r.checks, c)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("build check registry: %s", strings.Join(errs, "; "))
	}
	slices.SortFunc(r.checks, func(a, b *Check) int { return strings.Compare(a.ID, b.ID) })
	return r, nil
}

func validate(c *Check) error {
	var missing []string
	for name, v := range map[string]string{
		"slug": c.Slug, "title": c.Title, "provider": c.Provider, "service": c.Service,
		"description": c.Description, "rationale": c.Rationale, "remediation": c.Remediation.Text,
	} {
		if strings.TrimSpace(v) == "" {
			missing = append(missing, name)
		}
	}
	switch {
	case !idPattern.MatchString(c.ID):
		return fmt.Errorf("check %q: ID does not match %s", c.ID, idPattern)
	case !slugPattern.MatchString(c.Slug):
		return fmt.Errorf("check %s: slug %q is not lower-case-with-dashes", c.ID, c.Slug)
	case len(missing) > 0:
		slices.Sort(missing)
		return fmt.Errorf("check %s: missing %s", c.ID, strings.Join(missing, ", "))
	case c.Severity < Info || c.Severity > Critical:
		return fmt.Errorf("check %s: no severity", c.ID)
	case c.Evaluate == nil:
		return fmt.Errorf("check %s: no Evaluate", c.ID)
	}
	return nil
}

// All returns every check, sorted by ID.
func (r *Registry) All() []*Check { return r.checks }

// Lookup finds a check by ID or slug, case-insensitively.
func (r *Registry) Lookup(key string) (*Check, bool) {
	c, ok := r.byKey[strings.ToLower(key)]
	return c, ok
}

// Match returns the checks a suppression or filter key names: our ID or slug,
// or another scanner's equivalent ID (AVD-AWS-0086, aws-s3-block-public-acls,
// CKV_AWS_53). Keys are case-insensitive.
func (r *Registry) Match(key string) []*Check {
	if c, ok := r.Lookup(key); ok {
		return []*Check{c}
	}
	var out []*Check
	for _, c := range r.checks {
		if c.Equivalents.Has(key) {
			out = append(out, c)
		}
	}
	return out
}

// Has reports whether key is one of the equivalent IDs.
func (e Equivalents) Has(key string) bool {
	for _, list := range [][]string{e.AVD, e.Tfsec, e.Checkov} {
		for _, id := range list {
			if strings.EqualFold(id, key) {
				return true
			}
		}
	}
	return false
}
