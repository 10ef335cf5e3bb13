package iam

import (
	"cmp"
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
	"github.com/vigil-sec/vigil/internal/iam/condition"
)

// Grant is one action a principal may perform, with the resources it may
// perform it on.
type Grant struct {
	Action *catalog.Action
	// Resources are the resource patterns the action is allowed on, as the
	// allowing statements write them ("*", "arn:aws:s3:::data/*").
	Resources []string
	// Conditional: allowed only if conditions on unknown context hold.
	Conditional bool
	// Via are the statements that allow it.
	Via []StatementRef
}

// LevelCount counts a service's actions of one access level.
type LevelCount struct {
	Level catalog.Level
	// Allowed actions certainly, Conditional ones only if conditions hold;
	// Total is how many the service has.
	Allowed, Conditional, Total int
}

// ServicePermissions summarises what a principal may do in one service.
type ServicePermissions struct {
	Service *catalog.Service
	Levels  []LevelCount
	Grants  []Grant
}

// Permissions are a principal's effective permissions.
type Permissions struct {
	Principal *Principal
	// Admin is true when every action is certainly allowed on every
	// resource: admin-equivalent by evaluation.
	Admin    bool
	Services []ServicePermissions
	// Unknown lists actions the policies grant that the catalogue does not
	// know (a misspelt or brand-new action).
	Unknown []string
}

// Permissions evaluates every catalogue action p's policies might allow, on
// each resource pattern they name, through the full evaluator (SCPs,
// boundaries and denies included), and on resources whose resource-based
// policies name p.
func (e *Estate) Permissions(p *Principal) Permissions {
	c := e.cat()
	out := Permissions{Principal: p, Admin: e.IsAdmin(p)}
	candidates := map[int][]string{}
	var unknown []string
	for _, pol := range p.Policies {
		for i := range pol.stmts {
			s := &pol.stmts[i]
			if !s.allow {
				continue
			}
			res := s.resources
			if s.notResource {
				res = []string{"*"}
			}
			for id := range e.covered(s).All() {
				candidates[id] = appendNew(candidates[id], res...)
			}
			if !s.notAction {
				for _, a := range s.actions {
					if !strings.ContainsAny(a, "*?") && c.Action(a) == nil {
						unknown = appendNew(unknown, a)
					}
				}
			}
		}
	}
	for _, r := range e.Resources {
		if r.Policy == nil {
			continue
		}
		for i := range r.Policy.stmts {
			s := &r.Policy.stmts[i]
			if s.allow && s.principalMatch(p) >= byEveryone {
				res := s.resources
				if len(res) == 0 || s.notResource {
					res = []string{r.ARN}
				}
				for id := range e.covered(s).All() {
					candidates[id] = appendNew(candidates[id], res...)
				}
			}
		}
	}
	bySvc := map[string]*ServicePermissions{}
	actions := c.Actions()
	for id, resources := range candidates {
		a := actions[id]
		g := Grant{Action: a}
		certain := false
		if len(a.Resources) == 0 {
			resources = []string{"*"} // the action takes no resource
		}
		for _, res := range resources {
			res, account := e.patternTarget(p, res)
			if res == "" {
				continue
			}
			d := e.evaluate(Request{Principal: p, Action: a.String(), Resource: res, ResourceAccount: account}, a)
			if d.Effect != Allow {
				continue
			}
			g.Resources = append(g.Resources, res)
			g.Via = append(g.Via, d.Allowed...)
			certain = certain || !d.Conditional
		}
		if len(g.Resources) == 0 {
			continue
		}
		g.Conditional = !certain
		sp := bySvc[a.Service]
		if sp == nil {
			sp = &ServicePermissions{Service: c.Service(a.Service)}
			bySvc[a.Service] = sp
		}
		sp.Grants = append(sp.Grants, g)
	}
	for _, sp := range bySvc {
		slices.SortFunc(sp.Grants, func(a, b Grant) int { return a.Action.ID - b.Action.ID })
		levels := map[catalog.Level]*LevelCount{}
		for _, a := range sp.Service.Actions {
			lc := levels[a.Level]
			if lc == nil {
				lc = &LevelCount{Level: a.Level}
				levels[a.Level] = lc
			}
			lc.Total++
		}
		for _, g := range sp.Grants {
			if g.Conditional {
				levels[g.Action.Level].Conditional++
			} else {
				levels[g.Action.Level].Allowed++
			}
		}
		for _, lc := range levels {
			sp.Levels = append(sp.Levels, *lc)
		}
		slices.SortFunc(sp.Levels, func(a, b LevelCount) int { return cmp.Compare(a.Level, b.Level) })
		out.Services = append(out.Services, *sp)
	}
	slices.SortFunc(out.Services, func(a, b ServicePermissions) int { return strings.Compare(a.Service.Prefix, b.Service.Prefix) })
	slices.Sort(unknown)
	out.Unknown = unknown
	return out
}

// patternTarget turns a statement's resource pattern into a request
// resource: policy variables put in from what the principal's context
// knows ("" when they cannot be), and a wildcard account read as the
// principal's own, which the pattern covers.
func (e *Estate) patternTarget(p *Principal, pattern string) (resource, account string) {
	if strings.Contains(pattern, "${") {
		sub, r := condition.Substitute(pattern, p.context())
		if r != condition.True {
			return "", ""
		}
		pattern = sub
	}
	if _, acct, ok := arnFields(pattern); ok && strings.ContainsAny(acct, "*?") {
		account = p.Account
	}
	return pattern, account
}

func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}
