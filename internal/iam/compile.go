package iam

import (
	"strings"

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
}

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
		s := statement{
			index:        i,
			allow:        st.Effect == "Allow",
			principal:    st.Principal,
			notPrincipal: st.NotPrincipal,
			conds:        st.Condition,
			block:        condition.CompileBlock(st.Condition),
		}
		switch {
		case st.Effect == "Allow" || st.Effect == "Deny":
		case strings.Contains(st.Effect, iammodel.Unknown):
			s.unresolvedEffect = true
		default:
			continue // AWS rejects such a policy; it grants and denies nothing
		}
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
		p.stmts = append(p.stmts, s)
	}
}

// coversAction matches a lower-case action.
func (s *statement) coversAction(action string) condition.Result {
	hit := false
	for _, p := range s.actions {
		if iammodel.Wildcard(p, action) {
			hit = true
			break
		}
	}
	switch {
	case hit:
		return truth(!s.notAction)
	case len(s.unresolvedActions) > 0:
		return condition.Maybe
	}
	return truth(s.notAction)
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
