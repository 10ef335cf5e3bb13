package iam

import (
	"slices"
	"strings"
	"sync/atomic"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
	"github.com/vigil-sec/vigil/internal/iam/condition"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// statement is a policy statement prepared for matching: actions folded to
// lower case once, and unresolved items set apart so matching never guesses.
type statement struct {
	index     int
	allow     bool
	notAction bool
	// actions are lower-case patterns; unresolvedActions are items holding
	// iammodel.Unknown, which may or may not match.
	actions           []string
	unresolvedActions []string
	notResource       bool
	resources         []string
	unresolvedRes     []string
	// vars is set when resources hold policy variables to substitute
	// (Version 2012-10-17 only; older documents take them literally).
	vars         bool
	principal    *iammodel.Principal
	notPrincipal *iammodel.Principal
	conds        []iammodel.Condition
	block        condition.Block
	// unresolvedEffect marks a statement whose Effect is not known: it can
	// neither grant nor be relied on not to deny.
	unresolvedEffect bool
	// acts caches the catalogue actions the statement covers (see
	// Estate.covered), with the catalogue they were computed for; uses
	// counts the requests that matched the patterns one by one before.
	acts atomic.Pointer[actionSet]
	uses atomic.Uint32
}

// setAfter is how many requests match a statement's patterns one by one
// before the statement gets its catalogue set: computing the set costs
// about as much as a thousand pattern matches (some microseconds a
// pattern, 10 ms for ReadOnlyAccess), which a single query must not pay,
// and paying it once matching has cost as much keeps the total within
// twice the best.
const setAfter = 1024

func (p *Policy) compile() {
	if !p.Document.Raw.Known() {
		p.unresolved = true
		return
	}
	if p.Document.Err != "" {
		return // AWS rejects a malformed policy: it grants and denies nothing
	}
	vars := p.Document.Version == "2012-10-17"
	p.stmts = make([]statement, 0, len(p.Document.Statements))
	for i, st := range p.Document.Statements {
		unresolvedEffect := false
		switch {
		case st.Effect == "Allow" || st.Effect == "Deny":
		case strings.Contains(st.Effect, iammodel.Unknown):
			unresolvedEffect = true
		default:
			continue // AWS rejects such a policy; it grants and denies nothing
		}
		// Built in place: a statement caches its action set and is not
		// copied once compiled.
		p.stmts = append(p.stmts, statement{
			index:            i,
			allow:            st.Effect == "Allow",
			principal:        st.Principal,
			notPrincipal:     st.NotPrincipal,
			conds:            st.Condition,
			block:            condition.CompileBlock(st.Condition),
			unresolvedEffect: unresolvedEffect,
		})
		s := &p.stmts[len(p.stmts)-1]
		p.denies = p.denies || !s.allow
		acts := st.Action
		if len(st.NotAction) > 0 {
			s.notAction, acts = true, st.NotAction
		}
		for _, a := range acts {
			if strings.Contains(a, iammodel.Unknown) {
				s.unresolvedActions = append(s.unresolvedActions, a)
				continue
			}
			s.actions = append(s.actions, strings.ToLower(a))
		}
		res := st.Resource
		if len(st.NotResource) > 0 {
			s.notResource, res = true, st.NotResource
		}
		if len(res) == 0 && p.Kind == ResourcePolicy {
			// Trust policies (and other resource policies may) omit
			// Resource: the statement is about the resource it is on.
			s.notResource = true
		}
		for _, r := range res {
			if strings.Contains(r, iammodel.Unknown) {
				s.unresolvedRes = append(s.unresolvedRes, r)
				continue
			}
			if vars && strings.Contains(r, "${") {
				s.vars = true
			}
			s.resources = append(s.resources, r)
		}
	}
}

// coversAction matches the query's action: by a bit test on the
// statement's catalogue set when the catalogue knows the action and the
// statement has its set, pattern by pattern otherwise. The catalogue
// matches patterns exactly as iammodel.Wildcard does on lower-case names,
// so both ways give the same answer.
func (s *statement) coversAction(q *query) condition.Result {
	var hit bool
	if set, ok := s.actionSet(q); ok {
		// The set is the complement of the patterns' matches for NotAction.
		hit = set.Has(q.id) != s.notAction
	} else {
		action := q.lowerAction()
		hit = slices.ContainsFunc(s.actions, func(p string) bool { return iammodel.Wildcard(p, action) })
	}
	switch {
	case hit:
		return truth(!s.notAction)
	case len(s.unresolvedActions) > 0:
		return condition.Maybe
	}
	return truth(s.notAction)
}

// actionSet returns the statement's catalogue set for a query whose action
// the catalogue knows, once the statement has one (Estate.covered, which
// IsAdmin, Allows and Permissions use, computes it) or has been matched
// setAfter times.
func (s *statement) actionSet(q *query) (catalog.Set, bool) {
	if q.id < 0 {
		return catalog.Set{}, false
	}
	if as := s.acts.Load(); as != nil && as.cat == q.e.cat() {
		return as.set, true
	}
	if s.uses.Add(1) < setAfter {
		return catalog.Set{}, false
	}
	return q.e.covered(s), true
}

// coversResource matches a resource ARN (or "*"), substituting policy
// variables from ctx.
func (s *statement) coversResource(resource string, ctx *condition.Context) condition.Result {
	hit, maybe := false, len(s.unresolvedRes) > 0
	for _, p := range s.resources {
		if s.vars && strings.Contains(p, "${") {
			sub, r := condition.Substitute(p, ctx)
			switch r {
			case condition.False:
				continue
			case condition.Maybe:
				maybe = true
				continue
			}
			p = sub
		}
		if iammodel.Wildcard(p, resource) {
			hit = true
			break
		}
	}
	switch {
	case hit:
		return truth(!s.notResource)
	case maybe:
		return condition.Maybe
	}
	return truth(s.notResource)
}

func truth(b bool) condition.Result {
	if b {
		return condition.True
	}
	return condition.False
}

// and combines three-valued results.
func and(a, b condition.Result) condition.Result {
	switch {
	case a == condition.False || b == condition.False:
		return condition.False
	case a == condition.Maybe || b == condition.Maybe:
		return condition.Maybe
	}
	return condition.True
}
