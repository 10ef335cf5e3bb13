package iam

import (
	"fmt"
	"strings"

	"github.com/vigil-sec/vigil/internal/iam/condition"
	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// principalMatch says how a resource policy's Principal names the caller;
// it decides which other policies must also allow.
type principalMatch uint8

const (
	noMatch principalMatch = iota
	// byAccount: the policy names the caller's account. It delegates to the
	// account, whose identity policies must allow too.
	byAccount
	// byEveryone: "*" or a NotPrincipal the caller is not in.
	byEveryone
	// byARN: the caller's user or role ARN.
	byARN
	// bySession: a role session ARN (the caller picks the session name).
	bySession
)

// verdict is one policy type's answer: whether it allows, the statements
// that certainly do, and the caveats of those that may.
type verdict struct {
	result  condition.Result
	allowed []StatementRef
	caveats []Caveat
	// match is the strongest way a resource policy's allowing statement
	// named the caller.
	match principalMatch
}

// Evaluate decides a request as AWS documents its policy evaluation logic:
//
//  1. An explicit Deny in any applicable policy (SCPs of the principal's
//     account, RCPs of the resource's account, the resource policy, identity
//     policies, the permissions boundary, the session policy) denies.
//  2. SCPs must allow at every level of the organization above the
//     principal's account (not for the management account or service-linked
//     roles).
//  3. Within one account, either the resource policy allows the caller by
//     name (then identity policies need not; a permissions boundary and
//     session policy still limit a role named by its role ARN, but not a user
//     or a role session named directly), or identity policies allow and the
//     boundary and session policy (when set) allow too.
//  4. Across accounts, both the resource policy and the identity side (with
//     boundary and session policy) must allow.
//  5. Role trust policies and KMS key policies must always allow: identity
//     policies alone never grant sts:AssumeRole or a key.
//
// Conditions on context keys that are not known make the result an "allowed
// if" (Conditional, with Caveats); denials are only reported when certain.
func (e *Estate) Evaluate(r Request) Decision {
	p := r.Principal
	action := strings.ToLower(r.Action)
	resource := r.Resource
	if resource == "" {
		resource = "*"
	}
	target := e.target(r, action, resource)
	ctx := e.requestContext(r, target)

	var d Decision
	var unless []Caveat
	// 1. Explicit deny.
	for _, g := range e.applicable(p, target, r.Session) {
		for _, pol := range g.policies {
			if pol.unresolved && pol.Kind != IdentityPolicy {
				unless = append(unless, unresolvedPolicy(pol, true))
			}
			for i := range pol.stmts {
				s := &pol.stmts[i]
				if s.allow {
					continue
				}
				res, maybe := s.matches(action, resource, p, g.principal, ctx)
				switch res {
				case condition.True:
					d.Effect = ExplicitDeny
					d.Denied = append(d.Denied, StatementRef{Policy: pol, Index: s.index})
					d.Reason = fmt.Sprintf("explicitly denied by %s", pol.Label())
					return d
				case condition.Maybe:
					unless = append(unless, caveats(pol, s, maybe, true)...)
				}
			}
		}
	}

	// 2. SCPs.
	scp := verdict{result: condition.True}
	if acct := e.Accounts[p.Account]; acct != nil && scpApplies(p, acct) {
		for _, lvl := range acct.Levels {
			if len(lvl.SCPs) == 0 {
				continue // FullAWSAccess is attached wherever nothing else is
			}
			v := allowIn(lvl.SCPs, action, resource, p, false, ctx)
			if v.result == condition.False {
				d.Reason = fmt.Sprintf("no SCP at %s allows %s", lvl.Name, r.Action)
				return d
			}
			scp = both(scp, v)
		}
	}

	// 3–5. Resource policy and identity side.
	grant, why := e.grant(r, p, target, action, resource, ctx)
	grant = both(scp, grant)
	switch grant.result {
	case condition.False:
		d.Reason = why
		return d
	case condition.Maybe:
		d.Conditional = true
	}
	d.Effect = Allow
	d.Allowed = grant.allowed
	d.Caveats = append(grant.caveats, unless...)
	if len(unless) > 0 {
		d.Conditional = true
	}
	switch {
	case d.Conditional:
		d.Reason = "allowed if the conditions listed hold"
	default:
		d.Reason = "allowed"
	}
	return d
}

// grant evaluates the allow side: resource policy, identity policies,
// boundary and session policy, with the same- and cross-account rules.
func (e *Estate) grant(r Request, p *Principal, t target, action, resource string, ctx *condition.Context) (verdict, string) {
	rp := verdict{result: condition.False}
	if t.policy != nil {
		rp = allowIn([]*Policy{t.policy}, action, resource, p, true, ctx)
	}
	switch p.Type {
	case Service, Federated, Anonymous:
		// Only the resource policy can grant to a caller with no identity
		// policies in the estate.
		if rp.result == condition.False {
			return rp, fmt.Sprintf("no resource-based policy allows %s to %s", p.ARN, r.Action)
		}
		return rp, ""
	}

	identity := verdict{result: condition.True}
	if p.Type != Root {
		identity = allowIn(p.Policies, action, resource, p, false, ctx)
	}
	idPath := identity
	why := fmt.Sprintf("no identity-based policy of %s allows %s on %s", p, r.Action, resource)
	if p.Boundary != nil && idPath.result != condition.False {
		b := allowIn([]*Policy{p.Boundary}, action, resource, p, false, ctx)
		if b.result == condition.False {
			why = fmt.Sprintf("the permissions boundary %s does not allow %s", p.Boundary.Name, r.Action)
		}
		idPath = both(idPath, b)
	}
	if r.Session != nil && idPath.result != condition.False {
		s := allowIn([]*Policy{r.Session}, action, resource, p, false, ctx)
		if s.result == condition.False {
			why = fmt.Sprintf("the session policy does not allow %s", r.Action)
		}
		idPath = both(idPath, s)
	}
	sameAccount := t.account == p.Account
	if !sameAccount || t.mandatory {
		if rp.result == condition.False {
			switch {
			case t.mandatory && t.policy == nil:
				why = fmt.Sprintf("%s has no policy that could allow %s", resource, r.Action)
			case t.mandatory:
				why = fmt.Sprintf("the resource-based policy of %s does not allow %s", resource, p)
			default:
				why = fmt.Sprintf("cross-account access to %s needs its resource-based policy to allow %s", resource, p)
			}
		}
		idPath = both(idPath, rp)
	}
	if !sameAccount || p.Type == Root {
		return idPath, why
	}

	// Named directly in the same account, the resource policy suffices;
	// a role named by its role ARN stays limited by boundary and session.
	direct := rp
	if direct.match < byEveryone {
		direct.result = condition.False
	}
	if p.Type == Role && direct.match != bySession && direct.result != condition.False {
		if p.Boundary != nil {
			direct = both(direct, allowIn([]*Policy{p.Boundary}, action, resource, p, false, ctx))
		}
		if r.Session != nil {
			direct = both(direct, allowIn([]*Policy{r.Session}, action, resource, p, false, ctx))
		}
	}
	return either(idPath, direct), why
}

// scpApplies: SCPs never affect the management account or service-linked
// roles.
func scpApplies(p *Principal, a *Account) bool {
	return !a.Management && !p.ServiceLinked && (p.Type == User || p.Type == Role || p.Type == Root)
}

type policyGroup struct {
	policies []*Policy
	// principal: statements name principals (resource policies, RCPs).
	principal bool
}

// applicable lists every policy whose Deny statements apply to a request.
func (e *Estate) applicable(p *Principal, t target, session *Policy) []policyGroup {
	var gs []policyGroup
	if acct := e.Accounts[p.Account]; acct != nil && scpApplies(p, acct) {
		for _, l := range acct.Levels {
			gs = append(gs, policyGroup{policies: l.SCPs})
		}
	}
	if acct := e.Accounts[t.account]; acct != nil && !acct.Management && !p.ServiceLinked {
		for _, l := range acct.Levels {
			gs = append(gs, policyGroup{policies: l.RCPs, principal: true})
		}
	}
	if t.policy != nil {
		gs = append(gs, policyGroup{policies: []*Policy{t.policy}, principal: true})
	}
	if p.Type == User || p.Type == Role {
		gs = append(gs, policyGroup{policies: p.Policies})
	}
	if p.Boundary != nil {
		gs = append(gs, policyGroup{policies: []*Policy{p.Boundary}})
	}
	if session != nil {
		gs = append(gs, policyGroup{policies: []*Policy{session}})
	}
	return gs
}

// allowIn evaluates the Allow statements of one policy type: True when one
// certainly allows, Maybe when some may, False when none does.
func allowIn(ps []*Policy, action, resource string, p *Principal, principal bool, ctx *condition.Context) verdict {
	v := verdict{result: condition.False}
	var mayAllow []StatementRef
	for _, pol := range ps {
		if pol.unresolved {
			if v.result == condition.False {
				v.result = condition.Maybe
			}
			v.match = max(v.match, byEveryone)
			v.caveats = append(v.caveats, unresolvedPolicy(pol, false))
			mayAllow = append(mayAllow, StatementRef{Policy: pol, Index: WholePolicy})
		}
		for i := range pol.stmts {
			s := &pol.stmts[i]
			if !s.allow {
				continue
			}
			res, maybe := s.matches(action, resource, p, principal, ctx)
			m := byARN
			if principal {
				m = s.principalMatch(p)
			}
			switch res {
			case condition.True:
				v.match = max(v.match, m)
				v.result = condition.True
				v.allowed = append(v.allowed, StatementRef{Policy: pol, Index: s.index})
			case condition.Maybe:
				if v.result == condition.False {
					v.result = condition.Maybe
				}
				v.match = max(v.match, m)
				v.caveats = append(v.caveats, caveats(pol, s, maybe, false)...)
				mayAllow = append(mayAllow, StatementRef{Policy: pol, Index: s.index})
			}
		}
	}
	switch v.result {
	case condition.True:
		v.caveats = nil
	case condition.Maybe:
		v.allowed = mayAllow
	}
	return v
}

// both: two policy types must allow.
func both(a, b verdict) verdict {
	out := verdict{result: and(a.result, b.result), match: min(a.match, b.match)}
	if out.result == condition.False {
		return out
	}
	out.allowed = append(append([]StatementRef(nil), a.allowed...), b.allowed...)
	out.caveats = append(append([]Caveat(nil), a.caveats...), b.caveats...)
	return out
}

// either: one of two ways to be allowed is enough; the certain one wins.
func either(a, b verdict) verdict {
	switch {
	case a.result == condition.True:
		return a
	case b.result == condition.True:
		return b
	case a.result == condition.Maybe:
		return a
	}
	return b
}

// matches evaluates a statement against a request: action, resource,
// principal (resource policies) and conditions.
func (s *statement) matches(action, resource string, p *Principal, principal bool, ctx *condition.Context) (condition.Result, []iammodel.Condition) {
	res := s.coversAction(action)
	if res == condition.False {
		return res, nil
	}
	res = and(res, s.coversResource(resource, ctx))
	if res == condition.False {
		return res, nil
	}
	if principal {
		switch s.principalMatch(p) {
		case noMatch:
			return condition.False, nil
		}
		if s.principalUnresolved(p) {
			res = and(res, condition.Maybe)
		}
	}
	if s.unresolvedEffect {
		res = and(res, condition.Maybe)
	}
	if len(s.conds) == 0 {
		return res, nil
	}
	cr, maybe := s.block.Evaluate(ctx)
	return and(res, cr), maybe
}

// caveats explains why a statement may apply: its conditions on unknown
// context, or values the source could not resolve.
func caveats(pol *Policy, s *statement, conds []iammodel.Condition, unless bool) []Caveat {
	ref := StatementRef{Policy: pol, Index: s.index}
	var out []Caveat
	for _, c := range conds {
		out = append(out, Caveat{StatementRef: ref, Condition: c, Unless: unless})
	}
	for _, a := range s.unresolvedActions {
		out = append(out, Caveat{StatementRef: ref, Condition: unresolved("Action", a), Unless: unless})
	}
	for _, r := range s.unresolvedRes {
		out = append(out, Caveat{StatementRef: ref, Condition: unresolved("Resource", r), Unless: unless})
	}
	if s.unresolvedEffect {
		out = append(out, Caveat{StatementRef: ref, Condition: unresolved("Effect", iammodel.Unknown), Unless: unless})
	}
	if len(out) == 0 {
		out = append(out, Caveat{StatementRef: ref, Condition: unresolved("Principal", iammodel.Unknown), Unless: unless})
	}
	return out
}

// unresolvedPolicy is the caveat of a policy whose document is not known.
func unresolvedPolicy(pol *Policy, unless bool) Caveat {
	return Caveat{StatementRef: StatementRef{Policy: pol, Index: WholePolicy}, Condition: unresolved("Policy", iammodel.Unknown), Unless: unless}
}

// Unresolved is the Operator of a Caveat that stands for a value the source
// could not resolve rather than a condition: Key names the element.
const Unresolved = "Unresolved"

func unresolved(element, value string) iammodel.Condition {
	return iammodel.Condition{Operator: Unresolved, Key: element, Values: []string{value}}
}

// principalMatch says how the statement's Principal or NotPrincipal names p.
func (s *statement) principalMatch(p *Principal) principalMatch {
	switch {
	case s.principal != nil:
		return namedIn(s.principal, p)
	case s.notPrincipal != nil:
		if namedIn(s.notPrincipal, p) != noMatch {
			return noMatch
		}
		return byEveryone
	}
	return noMatch
}

func (s *statement) principalUnresolved(p *Principal) bool {
	pr := s.principal
	if pr == nil {
		pr = s.notPrincipal
	}
	if pr == nil {
		return false
	}
	for _, list := range [][]string{pr.AWS, pr.Service, pr.Federated} {
		for _, item := range list {
			if strings.Contains(item, iammodel.Unknown) {
				return true
			}
		}
	}
	return false
}

// namedIn reports how a Principal element names p.
func namedIn(pr *iammodel.Principal, p *Principal) principalMatch {
	if pr.All {
		return byEveryone
	}
	best := noMatch
	switch p.Type {
	case Service:
		for _, s := range pr.Service {
			if strings.EqualFold(s, p.ARN) {
				return byARN
			}
		}
		return noMatch
	case Federated:
		for _, f := range pr.Federated {
			if f == p.ARN {
				return byARN
			}
		}
		return noMatch
	case Anonymous:
		return noMatch
	}
	for _, a := range pr.AWS {
		switch {
		case a == p.ARN:
			if p.Type == Root {
				return byARN
			}
			best = max(best, byARN)
		case a == p.Account || a == "arn:"+partitionOf(p.ARN)+":iam::"+p.Account+":root":
			if p.Type == Root {
				return byARN
			}
			best = max(best, byAccount)
		case p.Type == Role && strings.HasPrefix(a, "arn:"+partitionOf(p.ARN)+":sts::"+p.Account+":assumed-role/"+p.Name+"/"):
			best = max(best, bySession)
		}
	}
	return best
}

func partitionOf(arn string) string {
	rest, ok := strings.CutPrefix(arn, "arn:")
	if !ok {
		return "aws"
	}
	part, _, _ := strings.Cut(rest, ":")
	return part
}

// target is what a request is about: the resource's account, its
// resource-based policy and tags.
type target struct {
	account string
	policy  *Policy
	// mandatory: the resource policy must allow whatever identity policies
	// say (role trust policies, KMS key policies).
	mandatory bool
	tags      map[string]string
	tagsKnown bool
	// service is the resource's service prefix, for its tag condition keys
	// ("iam:ResourceTag/...").
	service string
}

func (e *Estate) target(r Request, action, resource string) target {
	t := target{account: r.ResourceAccount, policy: r.ResourcePolicy}
	if resource == "*" {
		if t.account == "" {
			t.account = r.Principal.Account
		}
		return t
	}
	parts := strings.SplitN(resource, ":", 6)
	if len(parts) == 6 {
		t.service = parts[2]
		if t.account == "" {
			t.account = parts[4]
		}
	}
	switch {
	case strings.HasPrefix(action, "sts:assumerole"), action == "sts:tagsession", action == "sts:setsourceidentity":
		// The trust policy governs passing session tags and a source
		// identity as it governs assuming the role.
		if role := e.PrincipalByARN(resource); role != nil && role.Type == Role {
			if t.policy == nil {
				t.policy = role.Trust
			}
			t.mandatory = true
			t.tags, t.tagsKnown = role.Tags, role.TagsKnown
		} else {
			// A role outside the estate: its trust policy decides, and it
			// is not known.
			t.mandatory = true
			if t.policy == nil {
				t.policy = outsidePolicy(resource)
			}
		}
	default:
		res := e.ResourceByARN(resource)
		if res == nil && t.service == "s3" {
			// Objects are governed by their bucket's policy.
			bucket, _, _ := strings.Cut(resource, "/")
			res = e.ResourceByARN(bucket)
		}
		if res != nil {
			if t.policy == nil {
				t.policy = res.Policy
			}
			if res.Account != "" && r.ResourceAccount == "" {
				t.account = res.Account
			}
			t.tags, t.tagsKnown = res.Tags, res.Tags != nil
		} else if pr := e.PrincipalByARN(resource); pr != nil {
			t.tags, t.tagsKnown = pr.Tags, pr.TagsKnown
		}
		t.mandatory = t.service == "kms" && strings.Contains(resource, ":key/")
		if t.account == "" {
			t.account = r.Principal.Account
		}
		// Outside the estate a resource's policy is not known: it decides
		// where it must allow (a key, another account's resource). In the
		// caller's account, identity policies grant on their own, and a
		// resource the estate does not hold is taken to deny nothing.
		if res == nil && t.policy == nil && (t.mandatory || t.account != r.Principal.Account) {
			t.policy = outsidePolicy(resource)
		}
	}
	if t.account == "" {
		t.account = r.Principal.Account
	}
	return t
}

// outsidePolicy stands for the resource-based policy of a resource the
// estate does not hold: unknown, so it may allow and may deny.
func outsidePolicy(resource string) *Policy {
	return NewPolicy(ResourcePolicy, "policy of "+resource+" (outside the estate)", iammodel.Document{Raw: model.Unresolved[string](model.Origin{})})
}
