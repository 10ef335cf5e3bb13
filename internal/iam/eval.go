package iam

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
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
	return e.evaluate(r, nil)
}

// evaluate is Evaluate for callers that hold the catalogue action
// r.Action names (a), sparing the look-up; nil looks it up.
func (e *Estate) evaluate(r Request, a *catalog.Action) Decision {
	p := r.Principal
	resource := r.Resource
	if resource == "" {
		resource = "*"
	}
	q := query{e: e, r: r, resource: resource, id: -1}
	cat := e.cat()
	if a == nil {
		a = cat.Action(r.Action)
	}
	if a != nil {
		q.id = a.ID
	} else {
		// strings.ToLower may fold a non-ASCII letter into an action the
		// catalogue knows; patterns then match what it folds to.
		q.action = strings.ToLower(r.Action)
		if a := cat.Action(q.action); a != nil {
			q.id = a.ID
		}
	}
	q.t = e.target(r, resource)

	var d Decision
	// 1. Explicit deny.
	if deny, ok := q.explicitDeny(); ok {
		d.Effect = ExplicitDeny
		d.Denied = append(d.Denied, deny)
		d.Reason = "explicitly denied by " + deny.Policy.Label()
		return d
	}

	// 2. SCPs.
	scp := verdict{result: condition.True}
	if acct := e.Accounts[p.Account]; acct != nil && scpApplies(p, acct) {
		for _, lvl := range acct.Levels {
			if len(lvl.SCPs) == 0 {
				continue // FullAWSAccess is attached wherever nothing else is
			}
			v := q.allowIn(lvl.SCPs, false)
			if v.result == condition.False {
				d.Reason = fmt.Sprintf("no SCP at %s allows %s", lvl.Name, r.Action)
				return d
			}
			scp = both(scp, v)
		}
	}

	// 3–5. Resource policy and identity side.
	grant, reason := q.grant()
	grant = both(scp, grant)
	switch grant.result {
	case condition.False:
		d.Reason = explain(reason, p, r.Action, resource)
		return d
	case condition.Maybe:
		d.Conditional = true
	}
	d.Effect = Allow
	d.Allowed = grant.allowed
	d.Caveats = append(grant.caveats, q.unless...)
	if len(q.unless) > 0 {
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

// query is one request as the statements see it: the action's catalogue
// ID, which turns action matching into a bit test; the request context,
// built on first use (most statements have neither conditions nor policy
// variables); and the caveats of Deny statements that may apply.
type query struct {
	e *Estate
	r Request
	t target
	// id is the action's catalogue ID, or -1 when the catalogue does not
	// know it; action is the action in lower case, for statements that
	// match it pattern by pattern (see lowerAction).
	id       int
	action   string
	resource string
	ctx      *condition.Context
	unless   []Caveat
}

// lowerAction is the action as patterns match it, folded on first use.
func (q *query) lowerAction() string {
	if q.action == "" {
		q.action = strings.ToLower(q.r.Action)
	}
	return q.action
}

func (q *query) context() *condition.Context {
	if q.ctx == nil {
		q.ctx = q.e.requestContext(&q.r, &q.t)
	}
	return q.ctx
}

// why names the reason the allow side fails; explain words it. Only a
// denial is worded, so allowed requests format nothing.
type why uint8

const (
	noIdentityPolicy why = iota
	noResourcePolicy
	boundaryDenies
	sessionDenies
	noMandatoryPolicy
	mandatoryDenies
	crossAccountDenies
)

func explain(w why, p *Principal, action, resource string) string {
	switch w {
	case noResourcePolicy:
		return "no resource-based policy allows " + p.ARN + " to " + action
	case boundaryDenies:
		return "the permissions boundary " + p.Boundary.Name + " does not allow " + action
	case sessionDenies:
		return "the session policy does not allow " + action
	case noMandatoryPolicy:
		return resource + " has no policy that could allow " + action
	case mandatoryDenies:
		return "the resource-based policy of " + resource + " does not allow " + p.String()
	case crossAccountDenies:
		return "cross-account access to " + resource + " needs its resource-based policy to allow " + p.String()
	}
	return "no identity-based policy of " + p.String() + " allows " + action + " on " + resource
}

// explicitDeny looks for a Deny statement that certainly applies, in every
// policy whose Deny statements apply to the request: SCPs of the
// principal's account, RCPs of the resource's account, the resource
// policy, identity policies, the boundary and the session policy. Deny
// statements that may apply become caveats.
func (q *query) explicitDeny() (StatementRef, bool) {
	p, e := q.r.Principal, q.e
	if acct := e.Accounts[p.Account]; acct != nil && scpApplies(p, acct) {
		for _, l := range acct.Levels {
			if ref, ok := q.denyIn(l.SCPs, false); ok {
				return ref, true
			}
		}
	}
	if acct := e.Accounts[q.t.account]; acct != nil && !acct.Management && !p.ServiceLinked {
		for _, l := range acct.Levels {
			if ref, ok := q.denyIn(l.RCPs, true); ok {
				return ref, true
			}
		}
	}
	if q.t.policy != nil {
		if ref, ok := q.denyIn([]*Policy{q.t.policy}, true); ok {
			return ref, true
		}
	}
	if p.Type == User || p.Type == Role {
		if ref, ok := q.denyIn(p.Policies, false); ok {
			return ref, true
		}
	}
	if p.Boundary != nil {
		if ref, ok := q.denyIn([]*Policy{p.Boundary}, false); ok {
			return ref, true
		}
	}
	if q.r.Session != nil {
		return q.denyIn([]*Policy{q.r.Session}, false)
	}
	return StatementRef{}, false
}

// denyIn evaluates the Deny statements of one group of policies; principal
// is set where statements name principals (resource policies, RCPs).
func (q *query) denyIn(ps []*Policy, principal bool) (StatementRef, bool) {
	for _, pol := range ps {
		if pol.unresolved && pol.Kind != IdentityPolicy {
			q.unless = append(q.unless, unresolvedPolicy(pol, true))
		}
		if !pol.denies {
			continue
		}
		for i := range pol.stmts {
			s := &pol.stmts[i]
			if s.allow {
				continue
			}
			res, maybe := s.matches(q, principal)
			switch res {
			case condition.True:
				return StatementRef{Policy: pol, Index: s.index}, true
			case condition.Maybe:
				q.unless = append(q.unless, caveats(pol, s, maybe, true)...)
			}
		}
	}
	return StatementRef{}, false
}

// grant evaluates the allow side: resource policy, identity policies,
// boundary and session policy, with the same- and cross-account rules.
func (q *query) grant() (verdict, why) {
	r, p, t := &q.r, q.r.Principal, &q.t
	rp := verdict{result: condition.False}
	if t.policy != nil {
		rp = q.allowIn([]*Policy{t.policy}, true)
	}
	switch p.Type {
	case Service, Federated, Anonymous:
		// Only the resource policy can grant to a caller with no identity
		// policies in the estate.
		return rp, noResourcePolicy
	}

	identity := verdict{result: condition.True}
	if p.Type != Root {
		identity = q.allowIn(p.Policies, false)
	}
	idPath := identity
	w := noIdentityPolicy
	if p.Boundary != nil && idPath.result != condition.False {
		b := q.allowIn([]*Policy{p.Boundary}, false)
		if b.result == condition.False {
			w = boundaryDenies
		}
		idPath = both(idPath, b)
	}
	if r.Session != nil && idPath.result != condition.False {
		s := q.allowIn([]*Policy{r.Session}, false)
		if s.result == condition.False {
			w = sessionDenies
		}
		idPath = both(idPath, s)
	}
	sameAccount := t.account == p.Account
	if !sameAccount || t.mandatory {
		if rp.result == condition.False {
			switch {
			case t.mandatory && t.policy == nil:
				w = noMandatoryPolicy
			case t.mandatory:
				w = mandatoryDenies
			default:
				w = crossAccountDenies
			}
		}
		idPath = both(idPath, rp)
	}
	if !sameAccount || p.Type == Root {
		return idPath, w
	}

	// Named directly in the same account, the resource policy suffices;
	// a role named by its role ARN stays limited by boundary and session.
	direct := rp
	if direct.match < byEveryone {
		direct.result = condition.False
	}
	if p.Type == Role && direct.match != bySession && direct.result != condition.False {
		if p.Boundary != nil {
			direct = both(direct, q.allowIn([]*Policy{p.Boundary}, false))
		}
		if r.Session != nil {
			direct = both(direct, q.allowIn([]*Policy{r.Session}, false))
		}
	}
	return either(idPath, direct), w
}

// scpApplies: SCPs never affect the management account or service-linked
// roles.
func scpApplies(p *Principal, a *Account) bool {
	return !a.Management && !p.ServiceLinked && (p.Type == User || p.Type == Role || p.Type == Root)
}

// allowIn evaluates the Allow statements of one policy type: True when one
// certainly allows, Maybe when some may, False when none does. principal is
// set where statements name principals (resource policies, RCPs).
func (q *query) allowIn(ps []*Policy, principal bool) verdict {
	p := q.r.Principal
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
			res, maybe := s.matches(q, principal)
			if res == condition.False {
				continue
			}
			m := byARN
			if principal {
				m = s.principalMatch(p)
			}
			v.match = max(v.match, m)
			if res == condition.True {
				v.result = condition.True
				v.allowed = append(v.allowed, StatementRef{Policy: pol, Index: s.index})
				continue
			}
			if v.result == condition.False {
				v.result = condition.Maybe
			}
			v.caveats = append(v.caveats, caveats(pol, s, maybe, false)...)
			mayAllow = append(mayAllow, StatementRef{Policy: pol, Index: s.index})
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
	out.allowed = concat(a.allowed, b.allowed)
	out.caveats = concat(a.caveats, b.caveats)
	return out
}

// concat joins a and b, copying only when both hold something: verdicts
// are built for one request and only the last one is kept, so sharing an
// array between them is safe.
func concat[T any](a, b []T) []T {
	switch {
	case len(a) == 0 && len(b) == 0:
		return nil
	case len(b) == 0:
		return a
	case len(a) == 0:
		return b
	}
	return append(slices.Clip(a), b...)
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
func (s *statement) matches(q *query, principal bool) (condition.Result, []iammodel.Condition) {
	res := s.coversAction(q)
	if res == condition.False {
		return res, nil
	}
	var ctx *condition.Context
	if s.vars {
		ctx = q.context()
	}
	res = and(res, s.coversResource(q.resource, ctx))
	if res == condition.False {
		return res, nil
	}
	p := q.r.Principal
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
	cr, maybe := s.block.Evaluate(q.context())
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
	part := partitionOf(p.ARN)
	for _, a := range pr.AWS {
		switch {
		case a == p.ARN:
			if p.Type == Root {
				return byARN
			}
			best = max(best, byARN)
		case a == p.Account || isRootARN(a, part, p.Account):
			if p.Type == Root {
				return byARN
			}
			best = max(best, byAccount)
		case p.Type == Role && isSessionARN(a, part, p.Account, p.Name):
			best = max(best, bySession)
		}
	}
	return best
}

// isRootARN reports whether a is "arn:<part>:iam::<account>:root", and
// isSessionARN whether a is a session of the role: it starts with
// "arn:<part>:sts::<account>:assumed-role/<name>/". Both compare piece by
// piece: resource policies are matched against every principal.
func isRootARN(a, part, account string) bool {
	rest, ok := cutPrefixes(a, "arn:", part, ":iam::", account, ":root")
	return ok && rest == ""
}

func isSessionARN(a, part, account, name string) bool {
	_, ok := cutPrefixes(a, "arn:", part, ":sts::", account, ":assumed-role/", name, "/")
	return ok
}

// cutPrefixes removes prefixes from the start of s in turn; ok is false
// when s does not start with their concatenation.
func cutPrefixes(s string, prefixes ...string) (rest string, ok bool) {
	for _, p := range prefixes {
		if s, ok = strings.CutPrefix(s, p); !ok {
			return "", false
		}
	}
	return s, true
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

func (e *Estate) target(r Request, resource string) target {
	t := target{account: r.ResourceAccount, policy: r.ResourcePolicy}
	if resource == "*" {
		if t.account == "" {
			t.account = r.Principal.Account
		}
		return t
	}
	if service, account, ok := arnFields(resource); ok {
		t.service = service
		if t.account == "" {
			t.account = account
		}
	}
	switch {
	case trustGoverned(r.Action):
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

// trustGoverned reports whether a role's trust policy governs action, as
// strings.ToLower folds it: assuming the role, and passing session tags or
// a source identity as one does. ASCII actions (all real ones) are compared
// without folding them into a new string.
func trustGoverned(action string) bool {
	const assume = "sts:assumerole"
	same := strings.EqualFold
	if !isASCII(action) {
		same = func(a, b string) bool { return a == b }
		action = strings.ToLower(action)
	}
	return len(action) >= len(assume) && same(action[:len(assume)], assume) ||
		same(action, "sts:tagsession") || same(action, "sts:setsourceidentity")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// arnFields returns the service and account fields of an ARN
// ("arn:partition:service:region:account:resource"), without allocating;
// ok is false when arn has fewer than six fields.
func arnFields(arn string) (service, account string, ok bool) {
	var f [5]string
	rest := arn
	for i := range f {
		if f[i], rest, ok = strings.Cut(rest, ":"); !ok {
			return "", "", false
		}
	}
	return f[2], f[4], true
}
