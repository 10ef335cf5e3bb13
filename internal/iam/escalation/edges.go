package escalation

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/iam/condition"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// defaultRegion names resources a technique creates when the policies let
// the attacker pick the region.
const defaultRegion = "us-east-1"

func containsUnknown(s string) bool { return strings.Contains(s, iammodel.Unknown) }

// try evaluates one step. A step is taken only when the evaluator allows it
// and the decision rests on no value the source could not resolve.
func (a *analyzer) try(p *iam.Principal, action, resource string, ctx *condition.Context, rp *iam.Policy) (Step, bool) {
	if containsUnknown(resource) {
		return Step{}, false
	}
	// Without a resource-based policy only identity policies can allow:
	// one bit test before evaluating (not for what-if copies, whose bits
	// would be computed for this one question).
	if rp == nil && action != "sts:AssumeRole" && a.isNode(p) && a.e.ResourceByARN(resource) == nil && !a.e.Allows(p, action) {
		return Step{}, false
	}
	d := a.e.Evaluate(iam.Request{Principal: p, Action: action, Resource: resource, ResourcePolicy: rp, Context: ctx})
	if !d.IsAllowed() || restsOnUnresolved(d) {
		return Step{}, false
	}
	if d.Conditional && a.isNode(p) {
		a.learnCap(p, action, d)
	}
	return Step{Action: action, Resource: resource, Decision: d}, true
}

// volatileKeys are request context keys that depend on neither the
// principal nor the resource (how and from where the call is made), and that
// no technique's request sets: a condition on one is unknown in every
// request.
var volatileKeys = map[string]bool{
	"aws:multifactorauthpresent": true,
	"aws:multifactorauthage":     true,
	"aws:sourceip":               true,
	"aws:sourcevpc":              true,
	"aws:sourcevpce":             true,
	"aws:vpcsourceip":            true,
	"aws:requestedregion":        true,
	"aws:currenttime":            true,
	"aws:epochtime":              true,
	"aws:securetransport":        true,
	"aws:viaawsservice":          true,
	"aws:calledvia":              true,
	"aws:calledviafirst":         true,
	"aws:calledvialast":          true,
	"aws:tokenissuetime":         true,
	"aws:useragent":              true,
	"aws:referer":                true,
	"sts:externalid":             true,
}

func volatile(st iammodel.Statement) bool {
	return len(st.Condition) > 0 && !slices.ContainsFunc(st.Condition, func(c iammodel.Condition) bool {
		return !volatileKeys[strings.ToLower(c.Key)]
	})
}

// learnCap records that p can never be certainly allowed action: a Deny of
// its own, on every resource, rests only on volatile keys. The search then
// skips p where only a certain edge would help it.
func (a *analyzer) learnCap(p *iam.Principal, action string, d iam.Decision) {
	for _, c := range d.Caveats {
		if !c.Unless || !(c.Policy == p.Boundary || c.Policy.Kind == iam.SCP || slices.Contains(p.Policies, c.Policy)) {
			continue
		}
		st := c.Statement()
		if len(st.NotResource) == 0 && slices.Contains(st.Resource, "*") && volatile(st) {
			a.capped[capKey{p, action}] = true
			return
		}
	}
}

type capKey struct {
	p      *iam.Principal
	action string
}

// certainImpossible reports whether an edge of technique s from p to t is
// known to be conditional at best: p is capped on one of its actions, or
// the trust policy admits anyone only under volatile conditions.
func (a *analyzer) certainImpossible(p, t *iam.Principal, s *spec) bool {
	for _, act := range s.Actions {
		if a.capped[capKey{p, act}] {
			return true
		}
	}
	switch s.family {
	case assume:
		return a.trustVolatile(t)
	case passRole, profileSwap:
		st, ok := a.serviceTrust(t, s.service)
		return ok && !st.Decision.Certain()
	}
	return false
}

// trustVolatile reports whether every statement of t's trust policy that
// may allow sts:AssumeRole has a condition on a volatile key: no request
// knows it, so no assumption of t is certain.
func (a *analyzer) trustVolatile(t *iam.Principal) bool {
	v, ok := a.volatileTrust[t]
	if ok {
		return v
	}
	if t.Trust != nil && t.Trust.Document.Known() {
		for _, st := range t.Trust.Document.Statements {
			if !st.IsAllow() || !st.CoversAction("sts:AssumeRole") {
				continue
			}
			v = slices.ContainsFunc(st.Condition, func(c iammodel.Condition) bool { return volatileKeys[strings.ToLower(c.Key)] })
			if !v {
				break
			}
		}
	}
	a.volatileTrust[t] = v
	return v
}

// restsOnUnresolved reports whether a decision depends on a value the
// source could not resolve rather than on request context.
func restsOnUnresolved(d iam.Decision) bool {
	return slices.ContainsFunc(d.Caveats, func(c iam.Caveat) bool { return c.Condition.Operator == iam.Unresolved })
}

// newEdge builds an edge from its steps.
func newEdge(from, to *iam.Principal, s *spec, via string, steps []Step) Edge {
	e := Edge{From: from, To: to, Technique: s.Technique, Steps: steps, Via: via}
	for _, st := range steps {
		if !st.Decision.Certain() {
			e.Conditional = true
		}
	}
	return e
}

// ctxWith returns a request context holding the key/value pairs given.
func ctxWith(kv ...string) *condition.Context {
	c := &condition.Context{}
	for i := 0; i+1 < len(kv); i += 2 {
		c.Set(kv[i], kv[i+1])
	}
	return c
}

// candidates appends to buf the principals that may have an edge of
// technique s to target, found from the resource side.
func (a *analyzer) candidates(t *iam.Principal, s *spec, buf []int32) []int32 {
	switch s.family {
	case assume:
		if t.Type == iam.Role && t.Trust != nil {
			a.grantees(t.Trust, "sts:AssumeRole", t.Account, func(id int32) { buf = append(buf, id) })
		}
	case updateTrust:
		// IAM has no resource policies: only the account's principals.
		if t.Type == iam.Role && !t.ServiceLinked {
			buf = a.lookup("iam:UpdateAssumeRolePolicy", t.ARN, t.Account, buf)
		}
	case userCred:
		if t.Type == iam.User {
			buf = a.lookup(s.steps[0].action, t.ARN, t.Account, buf)
		}
	case passRole, profileSwap:
		if t.Type != iam.Role || t.ServiceLinked || (s.profile && len(t.InstanceProfiles) == 0) {
			break
		}
		if _, ok := a.serviceTrust(t, s.service); !ok {
			break
		}
		// iam:PassRole only passes roles of one's own account.
		for _, id := range a.lookup("iam:PassRole", t.ARN, t.Account, nil) {
			if a.allowsAll(a.nodes[id], s) {
				buf = append(buf, id)
			}
		}
	case workload:
		for _, w := range a.workloads[t] {
			if w.Kind != s.kind {
				continue
			}
			if r := a.e.ResourceByARN(w.ARN); r != nil && r.Policy != nil {
				buf = a.lookup(s.steps[0].action, w.ARN, "", buf)
				a.grantees(r.Policy, s.steps[0].action, w.Account, func(id int32) { buf = append(buf, id) })
			} else {
				// Without a resource policy, only the workload's account.
				buf = a.lookup(s.steps[0].action, w.ARN, w.Account, buf)
			}
		}
	}
	if len(buf) > 1 {
		slices.Sort(buf)
		buf = slices.Compact(buf)
	}
	return buf
}

// lookup appends the principals whose policies may allow action on arn,
// only those of account unless it is "" (without a resource policy, only
// the resource's account can act on it). Results are remembered until the
// search moves to another target: many techniques look up the same
// iam:PassRole.
func (a *analyzer) lookup(action, arn, account string, buf []int32) []int32 {
	key := action + "\x00" + arn
	ids, ok := a.memo[key]
	if !ok {
		a.index(action).lookup(arn, a.seen, func(id int32) { ids = append(ids, id) })
		a.memo[key] = ids
	}
	for _, id := range ids {
		if account == "" || a.nodes[id].Account == account {
			buf = append(buf, id)
		}
	}
	return buf
}

// allowsAll is the one-bit pre-filter on every action a technique needs.
func (a *analyzer) allowsAll(p *iam.Principal, s *spec) bool {
	for _, act := range s.Actions {
		if !a.e.Allows(p, act) {
			return false
		}
	}
	return true
}

// edge checks technique s from p to t.
func (a *analyzer) edge(p, t *iam.Principal, s *spec) (Edge, bool) {
	switch s.family {
	case assume:
		if st, ok := a.try(p, "sts:AssumeRole", t.ARN, nil, nil); ok {
			return newEdge(p, t, s, "", []Step{st}), true
		}
	case updateTrust:
		if steps, ok := a.updateTrust(p, t); ok {
			return newEdge(p, t, s, "", steps), true
		}
	case userCred:
		if st, ok := a.try(p, s.steps[0].action, t.ARN, nil, nil); ok {
			return newEdge(p, t, s, "", []Step{st}), true
		}
	case passRole:
		return a.passRoleEdge(p, t, s)
	case workload:
		for _, w := range a.workloads[t] {
			if w.Kind != s.kind {
				continue
			}
			if steps, ok := a.workloadSteps(p, s, w, nil); ok {
				return newEdge(p, t, s, w.ARN, steps), true
			}
		}
	case profileSwap:
		return a.profileSwapEdge(p, t, s)
	}
	return Edge{}, false
}

// updateTrust rewrites t's trust policy to name p, then assumes t.
func (a *analyzer) updateTrust(p, t *iam.Principal) ([]Step, bool) {
	if t.Type != iam.Role || t.ServiceLinked {
		return nil, false
	}
	st1, ok := a.try(p, "iam:UpdateAssumeRolePolicy", t.ARN, nil, nil)
	if !ok {
		return nil, false
	}
	st2, ok := a.try(p, "sts:AssumeRole", t.ARN, nil, trustNaming(p))
	if !ok {
		return nil, false
	}
	return []Step{st1, st2}, true
}

// trustNaming is the trust policy an attacker writes: it names p.
func trustNaming(p *iam.Principal) *iam.Policy {
	arn, _ := json.Marshal(p.ARN)
	return iam.NewPolicy(iam.ResourcePolicy, "AssumeRolePolicyDocument", document(
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":`+string(arn)+`},"Action":["sts:AssumeRole","sts:TagSession"]}]}`))
}

// servicePrincipal returns the principal a service acts as.
func (a *analyzer) servicePrincipal(service string) *iam.Principal {
	sp := a.services[service]
	if sp == nil {
		sp = &iam.Principal{Type: iam.Service, ARN: service, Name: service, Complete: true}
		a.services[service] = sp
	}
	return sp
}

// serviceTrust reports whether t's trust policy lets service assume it on
// behalf of a resource in t's account, with the decision as a step.
func (a *analyzer) serviceTrust(t *iam.Principal, service string) (Step, bool) {
	key := serviceTrust{t, service}
	if r, ok := a.trustSteps[key]; ok {
		return r.step, r.ok
	}
	var r trustResult
	if t.Trust != nil && service != "" {
		r.step, r.ok = a.try(a.servicePrincipal(service), "sts:AssumeRole", t.ARN, ctxWith("aws:SourceAccount", t.Account), nil)
	}
	a.trustSteps[key] = r
	return r.step, r.ok
}

// passRole is p's iam:PassRole of t to the technique's service.
func (a *analyzer) passRole(p, t *iam.Principal, s *spec) (Step, bool) {
	var ctx *condition.Context
	if s.passedTo != "" {
		ctx = ctxWith("iam:PassedToService", s.passedTo)
	}
	return a.try(p, "iam:PassRole", t.ARN, ctx, nil)
}

// passRoleEdge checks a technique that hands role t to a service.
func (a *analyzer) passRoleEdge(p, t *iam.Principal, s *spec) (Edge, bool) {
	if t.Type != iam.Role || t.ServiceLinked || p.Account != t.Account || (s.profile && len(t.InstanceProfiles) == 0) {
		return Edge{}, false
	}
	trust, ok := a.serviceTrust(t, s.service)
	if !ok {
		return Edge{}, false
	}
	pass, ok := a.passRole(p, t, s)
	if !ok {
		return Edge{}, false
	}
	if s.kind == "" {
		steps, ok := a.createSteps(p, s, t.Account, defaultRegion)
		if !ok {
			return Edge{}, false
		}
		return newEdge(p, t, s, "", append(append([]Step{pass}, steps...), trust)), true
	}
	for _, w := range a.byKind[kindKey{t.Account, s.kind}] {
		if steps, ok := a.workloadSteps(p, s, w, nil); ok {
			return newEdge(p, t, s, w.ARN, append(append([]Step{pass}, steps...), trust)), true
		}
	}
	return Edge{}, false
}

// createSteps evaluates the steps of a technique that creates resources
// (no existing workload), naming each created resource once.
func (a *analyzer) createSteps(p *iam.Principal, s *spec, account, region string) ([]Step, bool) {
	names := map[string]string{}
	steps := make([]Step, 0, len(s.steps))
	for _, st := range s.steps {
		res, ok := names[st.template]
		if !ok {
			res = a.newResource(p, st.action, st.template, account, region)
			names[st.template] = res
		}
		step, ok := a.try(p, st.action, res, nil, nil)
		if !ok {
			return nil, false
		}
		steps = append(steps, step)
	}
	return steps, true
}

// workloadSteps evaluates a technique's steps on workload w; extra are
// steps already taken, to which they are appended.
func (a *analyzer) workloadSteps(p *iam.Principal, s *spec, w *iam.Workload, extra []Step) ([]Step, bool) {
	region, account := arnField(w.ARN, 3), w.Account
	if account == "" {
		account = arnField(w.ARN, 4)
	}
	steps := extra
	names := map[string]string{}
	for _, st := range s.steps {
		var res string
		switch st.on {
		case onWorkload:
			res = w.ARN
		case onDocument:
			res = "arn:" + a.partition + ":ssm:" + region + "::document/AWS-RunShellScript"
		case onTasks:
			res = "arn:" + a.partition + ":ecs:" + region + ":" + account + ":task/*"
		case onProfile:
			if len(w.Role.InstanceProfiles) != 1 {
				return nil, false
			}
			res = w.Role.InstanceProfiles[0]
		case onNew:
			var ok bool
			if res, ok = names[st.template]; !ok {
				res = a.newResource(p, st.action, st.template, account, region)
				names[st.template] = res
			}
		default:
			return nil, false
		}
		step, ok := a.try(p, st.action, res, nil, nil)
		if !ok {
			return nil, false
		}
		steps = append(steps, step)
	}
	return steps, true
}

// profileSwapEdge checks putting role t behind an instance p can run code
// on: through a new profile association, or by swapping the role in the
// instance's own profile.
func (a *analyzer) profileSwapEdge(p, t *iam.Principal, s *spec) (Edge, bool) {
	if t.Type != iam.Role || t.ServiceLinked || p.Account != t.Account || (s.profile && len(t.InstanceProfiles) == 0) {
		return Edge{}, false
	}
	trust, ok := a.serviceTrust(t, s.service)
	if !ok {
		return Edge{}, false
	}
	pass, ok := a.passRole(p, t, s)
	if !ok {
		return Edge{}, false
	}
	for _, w := range a.byKind[kindKey{t.Account, s.kind}] {
		if w.Role == t {
			continue
		}
		steps, ok := a.workloadSteps(p, s, w, []Step{pass})
		if !ok {
			continue
		}
		exec, ok := a.workloadSteps(p, sendCommand, w, steps)
		if !ok {
			continue
		}
		return newEdge(p, t, s, w.ARN, append(exec, trust)), true
	}
	return Edge{}, false
}

// sendCommand is how profile swaps run code on the instance.
var sendCommand = &spec{steps: []step{onW("ssm:SendCommand"), {action: "ssm:SendCommand", on: onDocument}}}

// newResource names a resource the attacker creates: the template's name
// when p's policies allow the action on it, else a name fitting the first
// pattern they allow it on (the attacker picks names).
func (a *analyzer) newResource(p *iam.Principal, action, template, account, region string) string {
	def := strings.NewReplacer("{partition}", a.partition, "{region}", region, "{account}", account).Replace(template)
	pats := a.patterns(p, action)
	lower := strings.ToLower(def)
	for _, pat := range pats {
		if iammodel.Wildcard(strings.ToLower(pat), lower) {
			return def
		}
	}
	for _, pat := range pats {
		if r, ok := fit(pat, def); ok {
			return r
		}
	}
	return def
}

// fit shapes an ARN that pattern matches, taking each field from def when
// the pattern's field allows it and filling wildcards otherwise.
func fit(pattern, def string) (string, bool) {
	pf := strings.SplitN(pattern, ":", 6)
	df := strings.SplitN(def, ":", 6)
	if len(pf) != 6 || len(df) != 6 {
		return "", false
	}
	for i := range pf {
		if iammodel.Wildcard(strings.ToLower(pf[i]), strings.ToLower(df[i])) {
			pf[i] = df[i]
			continue
		}
		pf[i] = strings.NewReplacer("*", "x", "?", "x").Replace(pf[i])
	}
	return strings.Join(pf, ":"), true
}

// arnField returns field i of an ARN (3 is the region, 4 the account).
func arnField(arn string, i int) string {
	f := strings.SplitN(arn, ":", 6)
	if len(f) <= i {
		return ""
	}
	return f[i]
}

// EdgesFrom returns every edge from p: each technique to each principal it
// reaches (and self-grants), in technique order, then by target ARN.
func EdgesFrom(e *iam.Estate, p *iam.Principal) []Edge {
	a := newAnalyzer(e, specs())
	var edges []Edge
	for _, chain := range a.selfChains(p, false) {
		first := chain[0]
		if !slices.ContainsFunc(edges, func(e Edge) bool { return e.Technique == first.Technique && e.Via == first.Via && e.To == first.To }) {
			edges = append(edges, first)
		}
	}
	a.tagSessionEdges(func(pid int32, edge Edge) bool {
		if a.nodes[pid] == p {
			edges = append(edges, edge)
		}
		return true
	})
	for _, s := range a.specs {
		for _, t := range a.forwardTargets(p, s) {
			if t == p {
				continue
			}
			if edge, ok := a.edge(p, t, s); ok {
				edges = append(edges, edge)
			}
		}
	}
	order := map[*Technique]int{}
	for i, s := range a.specs {
		order[s.Technique] = i
	}
	slices.SortStableFunc(edges, func(x, y Edge) int {
		if c := cmp.Compare(order[x.Technique], order[y.Technique]); c != 0 {
			return c
		}
		return cmp.Compare(arnOf(x.To), arnOf(y.To))
	})
	return edges
}

func arnOf(p *iam.Principal) string {
	if p == nil {
		return ""
	}
	return p.ARN
}

// forwardTargets lists the principals p may reach with technique s,
// matching p's patterns against the estate (one principal, so a scan).
func (a *analyzer) forwardTargets(p *iam.Principal, s *spec) []*iam.Principal {
	var ids []int32
	switch s.family {
	case assume:
		ids = a.trusting(p)
	case updateTrust:
		ids = a.matching(p, "iam:UpdateAssumeRolePolicy", a.roles)
	case userCred:
		ids = a.matching(p, s.steps[0].action, a.users)
	case passRole, profileSwap:
		if a.allowsAll(p, s) {
			ids = a.matching(p, "iam:PassRole", a.roles)
		}
	case workload:
		var out []*iam.Principal
		for _, id := range a.roles {
			r := a.nodes[id]
			for _, w := range a.workloads[r] {
				if w.Kind == s.kind && !slices.Contains(out, r) {
					out = append(out, r)
				}
			}
		}
		return out
	}
	out := make([]*iam.Principal, len(ids))
	for i, id := range ids {
		out[i] = a.nodes[id]
	}
	return out
}

// matching returns the principals among ids whose ARN p's patterns for
// action match.
func (a *analyzer) matching(p *iam.Principal, action string, ids []int32) []int32 {
	if !a.e.Allows(p, action) {
		return nil
	}
	var pats []string
	for _, pat := range a.patterns(p, action) {
		pats = append(pats, strings.ToLower(pat))
	}
	var out []int32
	for _, id := range ids {
		arn := strings.ToLower(a.nodes[id].ARN)
		if slices.ContainsFunc(pats, func(pat string) bool { return iammodel.Wildcard(pat, arn) }) {
			out = append(out, id)
		}
	}
	return out
}
