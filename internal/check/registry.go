package check

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/internal/glob"
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

// Match returns the checks a pattern names (see Check.Matches), in ID order.
func (r *Registry) Match(pattern string) []*Check {
	if c, ok := r.Lookup(pattern); ok {
		return []*Check{c}
	}
	var out []*Check
	for _, c := range r.checks {
		if c.Matches(pattern) {
			out = append(out, c)
		}
	}
	return out
}

// Matches reports whether pattern names c: our ID or slug, another scanner's
// equivalent ID (AVD-AWS-0086, aws-s3-block-public-acls, CKV_AWS_53), or a
// glob over any of these with "*" and "?" ("AWS-S3-*", "CKV_AWS_*"). Case
// does not matter: users type check IDs in every case. This is the one rule
// for suppression comments, config entries and --check/--skip-check alike.
func (c *Check) Matches(pattern string) bool {
	p := strings.ToLower(strings.TrimSpace(pattern))
	if p == "" {
		return false
	}
	for _, list := range [][]string{{c.ID, c.Slug}, c.Equivalents.AVD, c.Equivalents.Tfsec, c.Equivalents.Checkov} {
		for _, n := range list {
			if glob.Match(p, strings.ToLower(n)) {
				return true
			}
		}
	}
	return false
}
