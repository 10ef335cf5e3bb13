package escalation

import (
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/internal/iam"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// The indexes below only pre-filter: they over-approximate which principals
// a policy could let act on a resource, and the evaluator decides.

// policyAction keys the resource patterns a policy document allows an
// action on. Documents are told apart by their first statement: the
// copies of a policy that group members inherit share their statements.
type policyAction struct {
	statements *iammodel.Statement
	action     string
}

// patterns returns the resource patterns of p's Allow statements that cover
// action, with ${aws:username} filled in and other policy variables widened
// to "*". A NotResource statement gives "*".
func (a *analyzer) patterns(p *iam.Principal, action string) []string {
	var out []string
	for _, pol := range p.Policies {
		for _, raw := range a.policyPatterns(pol, action) {
			pat, ok := instantiate(raw, p)
			if ok && !slices.Contains(out, pat) {
				out = append(out, pat)
			}
		}
	}
	return out
}

// policyPatterns caches the raw patterns of one policy for one action:
// managed policies are shared by many principals.
func (a *analyzer) policyPatterns(pol *iam.Policy, action string) []string {
	if !pol.Document.Known() || len(pol.Document.Statements) == 0 {
		return nil
	}
	key := policyAction{&pol.Document.Statements[0], action}
	if pats, ok := a.polPats[key]; ok {
		return pats
	}
	var pats []string
	{
		for _, st := range pol.Document.Statements {
			if !st.IsAllow() || !st.CoversAction(action) {
				continue
			}
			if len(st.NotResource) > 0 {
				pats = append(pats, "*")
				continue
			}
			for _, r := range st.Resource {
				if !strings.Contains(r, iammodel.Unknown) {
					pats = append(pats, r)
				}
			}
		}
	}
	a.polPats[key] = pats
	return pats
}

// instantiate fills in a principal's policy variables in a pattern:
// ${aws:username} is the user's name (a role has none, so the pattern
// matches nothing); any other variable may be anything.
func instantiate(pat string, p *iam.Principal) (string, bool) {
	if !strings.Contains(pat, "${") {
		return pat, true
	}
	var b strings.Builder
	for {
		i := strings.Index(pat, "${")
		if i < 0 {
			b.WriteString(pat)
			return b.String(), true
		}
		j := strings.IndexByte(pat[i:], '}')
		if j < 0 {
			b.WriteString(pat)
			return b.String(), true
		}
		b.WriteString(pat[:i])
		switch name := pat[i+2 : i+j]; {
		case strings.EqualFold(name, "aws:username"):
			if p.Type != iam.User {
				return "", false
			}
			b.WriteString(p.Name)
		case name == "*" || name == "?" || name == "$":
			b.WriteString(name)
		default:
			b.WriteByte('*')
		}
		pat = pat[i+j+1:]
	}
}

// resIndex answers "which principals could do this action on this ARN":
// literal patterns by value, wildcard patterns by the literal prefix before
// their first wildcard, so a lookup only tries patterns that can match.
type resIndex struct {
	literal map[string][]int32
	wild    map[string][]wildPattern
	// prefixLens are the distinct prefix lengths in wild, ascending.
	prefixLens []int
}

type wildPattern struct {
	pattern string
	ids     []int32
}

// index returns the resource index of action, building it on first use
// from the principals whose policies may allow it.
func (a *analyzer) index(action string) *resIndex {
	if ix := a.indexes[action]; ix != nil {
		return ix
	}
	ix := &resIndex{literal: map[string][]int32{}, wild: map[string][]wildPattern{}}
	wildAt := map[string]int{}
	for id, p := range a.nodes {
		if !a.e.Allows(p, action) {
			continue
		}
		for _, pat := range a.patterns(p, action) {
			pat = strings.ToLower(pat)
			cut := strings.IndexAny(pat, "*?")
			if cut < 0 {
				ix.literal[pat] = append(ix.literal[pat], int32(id))
				continue
			}
			prefix := pat[:cut]
			if k, ok := wildAt[pat]; ok {
				ix.wild[prefix][k].ids = append(ix.wild[prefix][k].ids, int32(id))
				continue
			}
			wildAt[pat] = len(ix.wild[prefix])
			ix.wild[prefix] = append(ix.wild[prefix], wildPattern{pattern: pat, ids: []int32{int32(id)}})
		}
	}
	for prefix := range ix.wild {
		if !slices.Contains(ix.prefixLens, len(prefix)) {
			ix.prefixLens = append(ix.prefixLens, len(prefix))
		}
	}
	slices.Sort(ix.prefixLens)
	a.indexes[action] = ix
	return ix
}

// lookup calls yield with every principal whose patterns match arn, each
// once, in no particular order.
func (ix *resIndex) lookup(arn string, seen *stamps, yield func(id int32)) {
	arn = strings.ToLower(arn)
	seen.next()
	emit := func(ids []int32) {
		for _, id := range ids {
			if seen.mark(id) {
				yield(id)
			}
		}
	}
	emit(ix.literal[arn])
	for _, n := range ix.prefixLens {
		if n > len(arn) {
			break
		}
		for _, w := range ix.wild[arn[:n]] {
			if iammodel.Wildcard(w.pattern, arn) {
				emit(w.ids)
			}
		}
	}
}

// stamps deduplicates principal IDs across one lookup without clearing a
// set each time.
type stamps struct {
	gen  uint32
	seen []uint32
}

func newStamps(n int) *stamps { return &stamps{seen: make([]uint32, n)} }

func (s *stamps) next() { s.gen++ }

// mark records id and reports whether it is new in this generation.
func (s *stamps) mark(id int32) bool {
	if s.seen[id] == s.gen {
		return false
	}
	s.seen[id] = s.gen
	return true
}

// named is what a resource policy's Principal elements name, for finding
// the principals it may grant to.
type named struct {
	arns     []string
	accounts []string
	// sessions are "account/role-name" of role session ARNs.
	sessions []string
	// anyone: "*", or a NotPrincipal.
	anyone bool
}

// namedBy collects the AWS principals of a policy's Allow statements that
// cover action. Items the source could not resolve name nobody: an edge
// never rests on them.
func namedBy(pol *iam.Policy, action string) named {
	var n named
	if pol == nil || !pol.Document.Known() {
		return n
	}
	for _, st := range pol.Document.Statements {
		if !st.IsAllow() || !st.CoversAction(action) {
			continue
		}
		if st.NotPrincipal != nil {
			n.anyone = true
			continue
		}
		if st.Principal == nil {
			continue
		}
		if st.Principal.All {
			n.anyone = true
		}
		for _, item := range st.Principal.AWS {
			switch {
			case strings.Contains(item, iammodel.Unknown):
			case item == "*":
				n.anyone = true
			case isAccountID(item):
				n.accounts = append(n.accounts, item)
			default:
				f := strings.SplitN(item, ":", 6)
				if len(f) < 6 || f[0] != "arn" {
					continue
				}
				switch {
				case f[2] == "iam" && f[5] == "root":
					n.accounts = append(n.accounts, f[4])
				case f[2] == "sts" && strings.HasPrefix(f[5], "assumed-role/"):
					role, _, _ := strings.Cut(strings.TrimPrefix(f[5], "assumed-role/"), "/")
					n.sessions = append(n.sessions, f[4]+"/"+role)
				default:
					n.arns = append(n.arns, item)
				}
			}
		}
	}
	return n
}

func isAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// grantees calls yield with every principal a resource policy may grant
// action to: those it names, their accounts' principals whose identity
// policies may allow the action, and for "*" everyone that may. resAccount
// is the resource's account, where "*" grants without an identity policy.
func (a *analyzer) grantees(pol *iam.Policy, action, resAccount string, yield func(id int32)) {
	n := namedBy(pol, action)
	a.seen.next()
	emit := func(id int32) {
		if a.seen.mark(id) {
			yield(id)
		}
	}
	for _, arn := range n.arns {
		if id, ok := a.ids[arn]; ok {
			emit(id)
		}
	}
	for _, s := range n.sessions {
		for _, id := range a.roleByName[s] {
			emit(id)
		}
	}
	for _, acct := range n.accounts {
		for _, id := range a.byAccount[acct] {
			if a.e.Allows(a.nodes[id], action) {
				emit(id)
			}
		}
	}
	if n.anyone {
		for _, id := range a.byAccount[resAccount] {
			emit(id)
		}
		for _, id := range a.allowing(action) {
			emit(id)
		}
	}
}

// allowing lists the principals whose identity policies may allow action.
func (a *analyzer) allowing(action string) []int32 {
	if ids, ok := a.allows[action]; ok {
		return ids
	}
	var ids []int32
	for id, p := range a.nodes {
		if a.e.Allows(p, action) {
			ids = append(ids, int32(id))
		}
	}
	a.allows[action] = ids
	return ids
}

// trusting lists the roles whose trust policies may let p assume them:
// those naming p, p's account or role sessions of p, and "*".
func (a *analyzer) trusting(p *iam.Principal) []int32 {
	if a.trustIdx == nil {
		a.buildTrustIndex()
	}
	var out []int32
	add := func(ids []int32) {
		for _, id := range ids {
			if !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	add(a.trustIdx.byARN[p.ARN])
	add(a.trustIdx.byAccount[p.Account])
	if p.Type == iam.Role {
		add(a.trustIdx.bySession[p.Account+"/"+p.Name])
	}
	add(a.trustIdx.anyone)
	slices.Sort(out)
	return out
}

// trustIndex maps what trust policies name to the roles that name it.
type trustIndex struct {
	byARN     map[string][]int32
	byAccount map[string][]int32
	bySession map[string][]int32
	anyone    []int32
}

func (a *analyzer) buildTrustIndex() {
	ix := &trustIndex{byARN: map[string][]int32{}, byAccount: map[string][]int32{}, bySession: map[string][]int32{}}
	for id, r := range a.nodes {
		if r.Type != iam.Role || r.Trust == nil {
			continue
		}
		n := namedBy(r.Trust, "sts:AssumeRole")
		for _, arn := range n.arns {
			ix.byARN[arn] = append(ix.byARN[arn], int32(id))
		}
		for _, acct := range n.accounts {
			ix.byAccount[acct] = append(ix.byAccount[acct], int32(id))
		}
		for _, s := range n.sessions {
			ix.bySession[s] = append(ix.bySession[s], int32(id))
		}
		if n.anyone {
			ix.anyone = append(ix.anyone, int32(id))
		}
	}
	a.trustIdx = ix
}
