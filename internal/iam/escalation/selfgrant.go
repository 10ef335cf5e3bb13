package escalation

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/iam/condition"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// Self-grants are judged by what-if: the principal is copied, the
// technique's change applied to the copy, and the evaluator asked whether
// the copy is administrator. Boundaries, Deny statements and SCPs therefore
// keep working as they do for the real principal.

// mutation is one change a technique makes to a principal, with the steps
// that make it.
type mutation struct {
	spec  *spec
	steps []Step
	via   string
	// key names the change whoever makes it, for caching its outcome.
	key   string
	apply func(c *iam.Principal)
}

// clone copies a principal's exported fields, with slices and maps of its
// own so a mutation can change them.
func clone(p *iam.Principal) *iam.Principal {
	return &iam.Principal{
		Type: p.Type, ARN: p.ARN, Account: p.Account, Name: p.Name, Path: p.Path,
		Resource: p.Resource, Tags: maps.Clone(p.Tags), TagsKnown: p.TagsKnown,
		Policies: slices.Clone(p.Policies), Groups: slices.Clone(p.Groups), Members: p.Members,
		Boundary: p.Boundary, Trust: p.Trust, InstanceProfiles: p.InstanceProfiles,
		ServiceLinked: p.ServiceLinked, Complete: p.Complete,
	}
}

// selfChains returns the ways p grants itself administrator, each a chain
// of edges: all but the last raise p's own permissions (To is p) and the
// last makes it administrator (To is nil). A chain lifts a boundary or a
// Deny and then grants, or grants and then lifts what still limits the
// grant; one whose every change is another principal's (modifyOther) is a
// single edge. With stop, it returns at the first certain one-edge chain.
func (a *analyzer) selfChains(p *iam.Principal, stop bool) [][]Edge {
	var chains [][]Edge
	found := func(c []Edge) bool {
		chains = append(chains, c)
		return stop && len(c) == 1 && !c[0].Conditional
	}
	if a.maySelfGrant(p) {
		type base struct {
			p     *iam.Principal
			chain []Edge
		}
		bases := []base{{p: p}}
		lifts := a.lifts(p)
		for _, m := range lifts {
			c := clone(p)
			m.apply(c)
			bases = append(bases, base{c, []Edge{newEdge(p, p, m.spec, m.via, m.steps)}})
		}
		if len(lifts) > 1 {
			c := clone(p)
			var chain []Edge
			for _, m := range lifts {
				m.apply(c)
				chain = append(chain, newEdge(p, p, m.spec, m.via, m.steps))
			}
			bases = append(bases, base{c, chain})
		}
		for _, b := range bases {
			if len(b.chain) > 0 && a.e.IsAdmin(b.p) {
				if found(toAdmin(b.chain)) {
					return chains
				}
				continue
			}
			for _, s := range a.specs {
				if s.family != grantSelf || (s.principal != 0 && s.principal != p.Type) {
					continue
				}
				for _, m := range a.grantMutations(b.p, b.p, s) {
					c := clone(b.p)
					m.apply(c)
					if a.adminAfter(b.p, m, c) {
						if found(append(slices.Clip(b.chain), newEdge(p, nil, s, m.via, m.steps))) {
							return chains
						}
						break
					}
					if len(b.chain) > 0 {
						continue
					}
					// Grant, then lift what still limits the grant.
					for _, l := range a.lifts(c) {
						c2 := clone(c)
						l.apply(c2)
						if a.e.IsAdmin(c2) {
							found([]Edge{newEdge(p, p, s, m.via, m.steps), newEdge(p, nil, l.spec, l.via, l.steps)})
							break
						}
					}
				}
			}
		}
	}
	if stop && slices.ContainsFunc(chains, func(c []Edge) bool { return len(c) == 1 && !c[0].Conditional }) {
		return chains
	}
	for _, e := range a.modifyOtherEdges(p, stop) {
		chains = append(chains, []Edge{e})
	}
	return chains
}

// toAdmin makes a chain of lifts end in administrator.
func toAdmin(chain []Edge) []Edge {
	chain = slices.Clone(chain)
	chain[len(chain)-1].To = nil
	return chain
}

// adminAfter reports whether c, which is p changed by m, is administrator.
// For principals of the estate the answer is remembered by change: it does
// not depend on who makes it.
func (a *analyzer) adminAfter(p *iam.Principal, m mutation, c *iam.Principal) bool {
	if !a.isNode(p) {
		return a.e.IsAdmin(c)
	}
	key := adminAfterKey{p, m.key}
	admin, ok := a.afterCache[key]
	if !ok {
		admin = a.e.IsAdmin(c)
		a.afterCache[key] = admin
	}
	return admin
}

type adminAfterKey struct {
	p   *iam.Principal
	key string
}

// isNode reports whether p is a principal of the estate rather than a
// what-if copy.
func (a *analyzer) isNode(p *iam.Principal) bool {
	id, ok := a.ids[p.ARN]
	return ok && a.nodes[id] == p
}

// adminPossible reports whether anyone of the account can be
// administrator: an SCP may deny some action to everyone.
func (a *analyzer) adminPossible(account string) bool {
	possible, ok := a.possible[account]
	if !ok {
		probe := &iam.Principal{Type: iam.Role, ARN: "arn:" + a.partition + ":iam::" + account + ":role/vigil-admin-probe",
			Account: account, Name: "vigil-admin-probe", Path: "/", Policies: []*iam.Policy{a.admin}, Complete: true}
		possible = a.e.IsAdmin(probe)
		a.possible[account] = possible
	}
	return possible
}

func concat(a, b []Step) []Step {
	return append(slices.Clip(a), b...)
}

// maySelfGrant is the one-bit pre-filter: p's policies may allow some
// action of a self-grant or lift.
func (a *analyzer) maySelfGrant(p *iam.Principal) bool {
	if !a.adminPossible(p.Account) {
		return false
	}
	for _, s := range a.specs {
		if s.family != grantSelf && s.family != unblock {
			continue
		}
		if s.principal != 0 && s.principal != p.Type {
			continue
		}
		if a.e.Allows(p, s.steps[0].action) {
			return true
		}
	}
	return false
}

// grantMutations lists the ways technique s lets actor raise t's
// permissions (t is actor for self-grants).
func (a *analyzer) grantMutations(actor, t *iam.Principal, s *spec) []mutation {
	action := s.steps[0].action
	if !a.e.Allows(actor, action) {
		return nil
	}
	var out []mutation
	add := func(st Step, via, key string, apply func(*iam.Principal)) {
		out = append(out, mutation{spec: s, steps: []Step{st}, via: via, key: key, apply: apply})
	}
	switch s.grant {
	case attachPolicy:
		if st, ok := a.try(actor, action, t.ARN, ctxWith("iam:PolicyARN", a.adminARN), nil); ok {
			add(st, "", "admin", a.addAdmin)
		}
	case putPolicy:
		if st, ok := a.try(actor, action, t.ARN, nil, nil); ok {
			add(st, "", "admin", a.addAdmin)
			// Put under the name of an inline policy replaces it.
			for i, pol := range t.Policies {
				if pol.ARN == "" && pol.Via == "" && denies(pol) {
					add(st, "", fmt.Sprint("overwrite:", i), replacingPolicy(pol, a.admin))
				}
			}
		}
	case attachGroupPolicy, putGroupPolicy:
		var ctx *condition.Context
		if s.grant == attachGroupPolicy {
			ctx = ctxWith("iam:PolicyARN", a.adminARN)
		}
		for _, g := range t.Groups {
			st, ok := a.try(actor, action, g.ARN, ctx, nil)
			if !ok {
				continue
			}
			add(st, g.ARN, "admin", a.addAdmin)
			if s.grant == putGroupPolicy {
				for i, pol := range t.Policies {
					if pol.ARN == "" && pol.Via == "group/"+g.Name && denies(pol) {
						add(st, g.ARN, fmt.Sprint("overwrite:", i), replacingPolicy(pol, a.admin))
					}
				}
			}
		}
	case createPolicyVersion:
		for _, pol := range customerManaged(t) {
			if st, ok := a.try(actor, action, pol.ARN, nil, nil); ok {
				add(st, pol.ARN, "replace:"+pol.ARN, replacing(pol.ARN, a.admin))
			}
		}
	case setDefaultVersion:
		for _, pol := range customerManaged(t) {
			if len(pol.Versions) == 0 {
				continue
			}
			st, ok := a.try(actor, action, pol.ARN, nil, nil)
			if !ok {
				continue
			}
			for i, v := range pol.Versions {
				version := iam.NewPolicy(pol.Kind, pol.Name, v)
				version.ARN = pol.ARN
				add(st, pol.ARN, fmt.Sprint("version:", pol.ARN, "#", i), replacing(pol.ARN, version))
			}
		}
	case addUserToGroup:
		if t.Type != iam.User {
			break
		}
		for _, g := range a.groups {
			if g.Account != t.Account || slices.Contains(t.Groups, g) || !a.isAdminGroup(g) {
				continue
			}
			if st, ok := a.try(actor, action, g.ARN, nil, nil); ok {
				add(st, g.ARN, "join:"+g.ARN, joining(g))
			}
		}
	case tagSelf:
		tags := wantedTags(t)
		if len(tags) == 0 || !t.TagsKnown {
			break
		}
		if st, ok := a.try(actor, action, t.ARN, tagContext(tags), nil); ok {
			add(st, "", "tag", func(c *iam.Principal) {
				if c.Tags == nil {
					c.Tags = map[string]string{}
				}
				maps.Copy(c.Tags, tags)
			})
		}
	}
	return out
}

func (a *analyzer) addAdmin(c *iam.Principal) { c.Policies = append(c.Policies, a.admin) }

// replacing swaps every copy of the managed policy at arn for with.
func replacing(arn string, with *iam.Policy) func(*iam.Principal) {
	return func(c *iam.Principal) {
		for i, pol := range c.Policies {
			if pol.ARN == arn {
				c.Policies[i] = with
			}
		}
	}
}

// replacingPolicy swaps one policy for with: a policy written under an
// inline policy's name replaces it.
func replacingPolicy(pol, with *iam.Policy) func(*iam.Principal) {
	return func(c *iam.Principal) {
		for i, q := range c.Policies {
			if q == pol {
				c.Policies[i] = with
			}
		}
	}
}

func joining(g *iam.Principal) func(*iam.Principal) {
	return func(c *iam.Principal) {
		c.Policies = append(c.Policies, g.Policies...)
		c.Groups = append(c.Groups, g)
	}
}

// customerManaged returns the distinct customer managed identity policies
// that apply to p: only those have versions an attacker can add.
func customerManaged(p *iam.Principal) []*iam.Policy {
	var out []*iam.Policy
	for _, pol := range p.Policies {
		if pol.Kind != iam.IdentityPolicy || !knownARN(pol.ARN) || strings.Contains(pol.ARN, ":iam::aws:policy/") {
			continue
		}
		if !slices.ContainsFunc(out, func(q *iam.Policy) bool { return q.ARN == pol.ARN }) {
			out = append(out, pol)
		}
	}
	return out
}

// isAdminGroup reports whether a group's policies alone make a member
// administrator.
func (a *analyzer) isAdminGroup(g *iam.Principal) bool {
	admin, ok := a.adminGroup[g]
	if !ok {
		member := &iam.Principal{Type: iam.User, ARN: g.ARN, Account: g.Account, Name: g.Name, Path: g.Path, Policies: g.Policies, Complete: g.Complete}
		admin = a.e.IsAdmin(member)
		a.adminGroup[g] = admin
	}
	return admin
}

// lifts lists the ways p can remove a restriction on itself: its
// permissions boundary, a policy with Deny statements (directly or through
// a group), a tag a Deny depends on.
func (a *analyzer) lifts(p *iam.Principal) []mutation {
	var out []mutation
	for _, s := range a.specs {
		if s.family != unblock || s.principal != p.Type || !a.e.Allows(p, s.steps[0].action) {
			continue
		}
		action := s.steps[0].action
		add := func(resource string, ctx *condition.Context, via string, apply func(*iam.Principal)) {
			if st, ok := a.try(p, action, resource, ctx, nil); ok {
				out = append(out, mutation{spec: s, steps: []Step{st}, via: via, apply: apply})
			}
		}
		switch s.lift {
		case deleteBoundary, putBoundary:
			if p.Boundary == nil {
				break
			}
			var ctx *condition.Context
			if s.lift == putBoundary {
				ctx = ctxWith("iam:PermissionsBoundary", a.adminARN)
			}
			add(p.ARN, ctx, "", func(c *iam.Principal) { c.Boundary = nil })
		case detachPolicy, deleteInlinePolicy, detachGroupPolicy, deleteGroupInlinePolicy:
			for _, pol := range p.Policies {
				if !denies(pol) || (pol.ARN == "") != (s.lift == deleteInlinePolicy || s.lift == deleteGroupInlinePolicy) {
					continue
				}
				var ctx *condition.Context
				if pol.ARN != "" {
					ctx = ctxWith("iam:PolicyARN", pol.ARN)
				}
				switch g := groupOf(p, pol.Via); {
				case pol.Via == "" && (s.lift == detachPolicy || s.lift == deleteInlinePolicy):
					add(p.ARN, ctx, pol.ARN, without(pol))
				case g != nil && (s.lift == detachGroupPolicy || s.lift == deleteGroupInlinePolicy):
					add(g.ARN, ctx, g.ARN, without(pol))
				}
			}
		case removeFromGroup:
			for _, g := range p.Groups {
				via := "group/" + g.Name
				if slices.ContainsFunc(p.Policies, func(pol *iam.Policy) bool { return pol.Via == via && denies(pol) }) {
					add(g.ARN, nil, g.ARN, leaving(g, via))
				}
			}
		case untagSelf:
			if !p.TagsKnown {
				break
			}
			for _, k := range denyTags(p) {
				add(p.ARN, ctxWith("aws:TagKeys", k), "", func(c *iam.Principal) { delete(c.Tags, k) })
			}
		}
	}
	return out
}

func without(pol *iam.Policy) func(*iam.Principal) {
	return func(c *iam.Principal) {
		c.Policies = slices.DeleteFunc(c.Policies, func(q *iam.Policy) bool { return q == pol })
	}
}

func leaving(g *iam.Principal, via string) func(*iam.Principal) {
	return func(c *iam.Principal) {
		c.Policies = slices.DeleteFunc(c.Policies, func(q *iam.Policy) bool { return q.Via == via })
		c.Groups = slices.DeleteFunc(c.Groups, func(q *iam.Principal) bool { return q == g })
	}
}

// groupOf returns p's group a policy is inherited through ("group/ops").
func groupOf(p *iam.Principal, via string) *iam.Principal {
	if via == "" {
		return nil
	}
	for _, g := range p.Groups {
		if "group/"+g.Name == via {
			return g
		}
	}
	return nil
}

// denies reports whether a policy has a Deny statement.
func denies(pol *iam.Policy) bool {
	return slices.ContainsFunc(pol.Document.Statements, func(st iammodel.Statement) bool { return st.Effect == "Deny" })
}

const principalTag = "aws:principaltag/"

// wantedTags returns the principal tags the conditions of p's Allow
// statements ask for: one value per key, a wildcard filled in.
func wantedTags(p *iam.Principal) map[string]string {
	var out map[string]string
	for _, pol := range p.Policies {
		for _, st := range pol.Document.Statements {
			if !st.IsAllow() {
				continue
			}
			for _, c := range st.Condition {
				key, ok := tagKey(c.Key)
				if !ok || len(c.Values) == 0 || !positiveString(c.Operator) {
					continue
				}
				v := c.Values[0]
				if strings.Contains(v, "${") || containsUnknown(v) {
					continue
				}
				if out == nil {
					out = map[string]string{}
				}
				if _, set := out[key]; !set {
					out[key] = strings.NewReplacer("*", "x", "?", "x").Replace(v)
				}
			}
		}
	}
	return out
}

// denyTags returns the tags p has that the conditions of a Deny statement
// of its policies test.
func denyTags(p *iam.Principal) []string {
	var out []string
	for _, pol := range p.Policies {
		for _, st := range pol.Document.Statements {
			if st.Effect != "Deny" {
				continue
			}
			for _, c := range st.Condition {
				key, ok := tagKey(c.Key)
				if !ok {
					continue
				}
				for k := range p.Tags {
					if strings.EqualFold(k, key) && !slices.Contains(out, k) {
						out = append(out, k)
					}
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// tagKey returns the tag key of an aws:PrincipalTag/... condition key.
func tagKey(condKey string) (string, bool) {
	if len(condKey) <= len(principalTag) || !strings.EqualFold(condKey[:len(principalTag)], principalTag) {
		return "", false
	}
	return condKey[len(principalTag):], true
}

// positiveString reports whether a string operator lets through only the
// values listed.
func positiveString(op string) bool {
	switch strings.ToLower(op) {
	case "stringequals", "stringequalsignorecase", "stringlike":
		return true
	}
	return false
}

// tagContext is the request context of setting tags: the tags requested
// and their keys.
func tagContext(tags map[string]string) *condition.Context {
	c := &condition.Context{}
	keys := slices.Sorted(maps.Keys(tags))
	for _, k := range keys {
		c.Set("aws:RequestTag/"+k, tags[k])
	}
	c.Set("aws:TagKeys", keys...)
	return c
}

// tagSessionEdges calls yield with the self-grants of assuming a role with
// session tags that make it administrator: the role's policies grant more
// to sessions carrying tags the caller picks.
func (a *analyzer) tagSessionEdges(yield func(pid int32, e Edge) bool) {
	i := slices.IndexFunc(a.specs, func(s *spec) bool { return s.family == tagSession })
	if i < 0 {
		return
	}
	s := a.specs[i]
	var cands []int32
	for _, rid := range a.roles {
		r := a.nodes[rid]
		if r.Trust == nil || !r.TagsKnown || a.e.IsAdmin(r) {
			continue
		}
		tags := wantedTags(r)
		if len(tags) == 0 {
			continue
		}
		c := clone(r)
		if c.Tags == nil {
			c.Tags = map[string]string{}
		}
		maps.Copy(c.Tags, tags)
		if !a.e.IsAdmin(c) {
			continue
		}
		ctx := tagContext(tags)
		cands = cands[:0]
		a.grantees(r.Trust, "sts:AssumeRole", r.Account, func(id int32) { cands = append(cands, id) })
		slices.Sort(cands)
		for _, pid := range cands {
			p := a.nodes[pid]
			if p == r {
				continue
			}
			st1, ok := a.try(p, "sts:AssumeRole", r.ARN, ctx, nil)
			if !ok {
				continue
			}
			st2, ok := a.try(p, "sts:TagSession", r.ARN, ctx, r.Trust)
			if !ok {
				continue
			}
			if !yield(pid, newEdge(p, nil, s, r.ARN, []Step{st1, st2})) {
				return
			}
		}
	}
}

// modifyOtherEdges returns the self-grants through another principal: p
// raises t to administrator, then becomes t.
func (a *analyzer) modifyOtherEdges(p *iam.Principal, stop bool) []Edge {
	if !a.adminPossible(p.Account) {
		return nil
	}
	var edges []Edge
	targets := map[access][]int32{}
	for _, s := range a.specs {
		if s.family != modifyOther || !a.e.Allows(p, s.steps[0].action) {
			continue
		}
		ts, ok := targets[s.access]
		if !ok {
			ts = a.accessTargets(p, s.access)
			targets[s.access] = ts
		}
		for _, id := range ts {
			t := a.nodes[id]
			if t == p || t.Type != s.principal || t.Account != p.Account || a.e.IsAdmin(t) || !a.mayModify(p, t, s) {
				continue
			}
			ms := a.grantMutations(p, t, s)
			if len(ms) == 0 {
				continue
			}
			acc, ok := a.become(p, t, s.access)
			if !ok {
				continue
			}
			for _, m := range ms {
				c := clone(t)
				m.apply(c)
				if a.adminAfter(t, m, c) {
					edge := newEdge(p, nil, s, t.ARN, concat(m.steps, acc))
					edges = append(edges, edge)
					if stop && !edge.Conditional {
						return edges
					}
					break
				}
			}
		}
	}
	return edges
}

// accessTargets lists the principals p may become by a means of access.
func (a *analyzer) accessTargets(p *iam.Principal, acc access) []int32 {
	switch acc {
	case viaAssumeRole:
		return a.trusting(p)
	case viaUpdateTrust:
		return a.matching(p, "iam:UpdateAssumeRolePolicy", a.roles)
	case viaAccessKey:
		return a.matching(p, "iam:CreateAccessKey", a.users)
	}
	return nil
}

// mayModify pre-filters a modifyOther technique by resource patterns.
func (a *analyzer) mayModify(p, t *iam.Principal, s *spec) bool {
	var arns []string
	if s.grant == createPolicyVersion {
		for _, pol := range customerManaged(t) {
			arns = append(arns, strings.ToLower(pol.ARN))
		}
	} else {
		arns = []string{strings.ToLower(t.ARN)}
	}
	for _, pat := range a.patterns(p, s.steps[0].action) {
		pat = strings.ToLower(pat)
		if slices.ContainsFunc(arns, func(arn string) bool { return iammodel.Wildcard(pat, arn) }) {
			return true
		}
	}
	return false
}

// become returns the steps by which p becomes t.
func (a *analyzer) become(p, t *iam.Principal, acc access) ([]Step, bool) {
	switch acc {
	case viaAssumeRole:
		if st, ok := a.try(p, "sts:AssumeRole", t.ARN, nil, nil); ok {
			return []Step{st}, true
		}
	case viaUpdateTrust:
		return a.updateTrust(p, t)
	case viaAccessKey:
		if st, ok := a.try(p, "iam:CreateAccessKey", t.ARN, nil, nil); ok {
			return []Step{st}, true
		}
	}
	return nil, false
}
