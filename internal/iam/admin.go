package iam

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
	"github.com/vigil-sec/vigil/internal/iam/condition"
)

// permCache holds what is computed once per principal over the whole
// catalogue.
type permCache struct {
	once sync.Once
	// mayAllow: actions some Allow statement of the identity policies
	// covers, on any resource, under any condition.
	mayAllow catalog.Set
	// onAnyResource: actions certainly allowed on every resource.
	onAnyResource catalog.Set
	admin         bool
}

// actionSets shares the catalogue actions of statements' action lists,
// keyed by the list: estates repeat the same lists many times, and a set
// is as large as the catalogue.
type actionSets struct {
	cat atomic.Pointer[catalog.Catalog]
	mu  sync.Mutex
	m   map[string]*actionSet
}

// actionSet is the catalogue actions a statement covers, computed for one
// catalogue.
type actionSet struct {
	cat *catalog.Catalog
	set catalog.Set
}

// cat is the estate's catalogue, fixed at first use.
func (e *Estate) cat() *catalog.Catalog {
	if c := e.sets.cat.Load(); c != nil {
		return c
	}
	c := e.Catalog
	if c == nil {
		c = catalog.Load()
	}
	e.sets.cat.CompareAndSwap(nil, c)
	return e.sets.cat.Load()
}

// covered returns the catalogue actions a statement covers (Action, or the
// complement of NotAction). Unresolved items cover nothing in an Allow and
// everything they might in a Deny, which callers decide. The set is cached
// on the statement; a statement evaluated against another catalogue (a
// session or resource policy passed to several estates) recomputes it.
func (e *Estate) covered(s *statement) catalog.Set {
	c := e.cat()
	if as := s.acts.Load(); as != nil && as.cat == c {
		return as.set
	}
	as := e.actionSet(c, s)
	s.acts.Store(as)
	return as.set
}

// actionSet returns the estate's shared set for a statement's action list.
func (e *Estate) actionSet(c *catalog.Catalog, s *statement) *actionSet {
	key := strings.Join(s.actions, "\x00")
	if s.notAction {
		key = "!" + key
	}
	e.sets.mu.Lock()
	as, ok := e.sets.m[key]
	e.sets.mu.Unlock()
	if ok {
		return as
	}
	as = computeActionSet(c, s)
	e.sets.mu.Lock()
	if e.sets.m == nil {
		e.sets.m = map[string]*actionSet{}
	}
	e.sets.m[key] = as
	e.sets.mu.Unlock()
	return as
}

func computeActionSet(c *catalog.Catalog, s *statement) *actionSet {
	set := c.NewSet()
	for _, a := range s.actions {
		set.Union(c.Match(a))
	}
	if s.notAction {
		all := c.All()
		all.Minus(set)
		set = all
	}
	return &actionSet{cat: c, set: set}
}

func (e *Estate) perms(p *Principal) *permCache {
	pc := &p.perms
	pc.once.Do(func() {
		c := e.cat()
		pc.mayAllow = c.NewSet()
		for _, pol := range p.Policies {
			for i := range pol.stmts {
				if s := &pol.stmts[i]; s.allow || s.unresolvedEffect {
					pc.mayAllow.Union(e.covered(s))
				}
			}
		}
		pc.onAnyResource = e.onAnyResource(p)
		// The set holds catalogue actions only: it is all of them when it
		// is as large.
		pc.admin = pc.onAnyResource.Len() == len(c.Actions())
	})
	return pc
}

// onAnyResource computes the actions p may certainly perform on every
// resource: allowed on "*" without conditions that could fail, in identity
// policies, the boundary and each SCP level, less anything a Deny might
// deny on "*".
func (e *Estate) onAnyResource(p *Principal) catalog.Set {
	c := e.cat()
	ctx := p.context()
	allowed := func(ps []*Policy) catalog.Set {
		set := c.NewSet()
		for _, pol := range ps {
			for i := range pol.stmts {
				s := &pol.stmts[i]
				if !s.allow || s.coversResource("*", ctx) != condition.True {
					continue
				}
				if r, _ := s.block.Evaluate(ctx); len(s.conds) > 0 && r != condition.True {
					continue
				}
				set.Union(e.covered(s))
			}
		}
		return set
	}
	var set catalog.Set
	switch p.Type {
	case Root:
		set = c.All()
	case User, Role:
		set = allowed(p.Policies)
	default:
		return c.NewSet()
	}
	if p.Boundary != nil {
		set.Intersect(allowed([]*Policy{p.Boundary}))
	}
	denyGroups := [][]*Policy{p.Policies}
	if p.Boundary != nil {
		denyGroups = append(denyGroups, []*Policy{p.Boundary})
	}
	if acct := e.Accounts[p.Account]; acct != nil && scpApplies(p, acct) {
		for _, l := range acct.Levels {
			if len(l.SCPs) > 0 {
				set.Intersect(allowed(l.SCPs))
				denyGroups = append(denyGroups, l.SCPs)
			}
		}
	}
	for _, ps := range denyGroups {
		for _, pol := range ps {
			for i := range pol.stmts {
				s := &pol.stmts[i]
				if s.allow && !s.unresolvedEffect {
					continue
				}
				if s.coversResource("*", ctx) == condition.False {
					continue
				}
				if r, _ := s.block.Evaluate(ctx); len(s.conds) > 0 && r == condition.False {
					continue
				}
				set.Minus(e.covered(s))
				if len(s.unresolvedActions) > 0 {
					return c.NewSet() // a Deny of unknown actions may deny anything
				}
			}
		}
	}
	return set
}

// Allows reports whether some Allow statement of p's identity policies could
// cover action on some resource under some condition: a cheap filter before
// Evaluate. Actions the catalogue does not know are matched statement by
// statement.
func (e *Estate) Allows(p *Principal, action string) bool {
	if p.Type == Root {
		return true
	}
	if a := e.cat().Action(action); a != nil {
		return e.perms(p).mayAllow.Has(a.ID)
	}
	q := query{action: strings.ToLower(action), id: -1}
	for _, pol := range p.Policies {
		for i := range pol.stmts {
			s := &pol.stmts[i]
			if (s.allow || s.unresolvedEffect) && s.coversAction(&q) != condition.False {
				return true
			}
		}
	}
	return false
}

// IsAdmin reports whether p is admin-equivalent: by evaluation, every action
// of the catalogue is certainly allowed on every resource, whatever the
// policies are called. A principal whose policies are not all known is
// judged on those that are.
func (e *Estate) IsAdmin(p *Principal) bool {
	return e.perms(p).admin
}
