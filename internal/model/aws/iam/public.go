package iam

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// PublicGrant is an Allow statement of a document that grants access to
// everyone (see Statement.IsPublic), with what of it the document's own Deny
// statements leave to outside and anonymous callers.
type PublicGrant struct {
	// Index is the statement's position in Document.Statements.
	Index     int
	Statement Statement
	// Actions are the statement's Action items, or when PublicGrants was
	// asked about named actions those of them the statement grants, that no
	// Deny takes back. It is empty when the statement uses NotAction and
	// what it grants is left public as a whole.
	Actions []string
}

// PublicGrants returns the grants of the document that are public: Allow
// statements for every principal without a restricting condition, less the
// actions that a Deny statement of the same document takes back from every
// outside or anonymous caller. Given actions (concrete names such as
// "sns:Publish"), it considers only those: a grant then lists the ones it
// makes public.
//
// A Deny takes an action back when it applies to everyone ("*", {"AWS":
// "*"}, or a NotPrincipal: what it spares is a named set of principals),
// covers the action and every resource of the grant, and each of its
// conditions holds for every outside caller: a negated operator such as
// StringNotEquals on a key identifying the caller's organization, account,
// network or identity (see Condition.holdsForOutsiders). Several Deny statements are not combined:
// each must take an action back on its own.
//
// undecided reports that unknown items leave part of the answer open: an
// Allow statement that may be public only through them, or a Partial Deny
// statement that might take a grant back. The grants returned are public
// whatever those items turn out to be, so a check fails on them and passes
// only when there are none and undecided is false. A document that is not
// Known is undecided.
func (d Document) PublicGrants(actions ...string) (grants []PublicGrant, undecided bool) {
	if !d.Known() {
		return nil, true
	}
	for i, st := range d.Statements {
		public := st.IsPublic()
		if !public && !(st.Partial && st.MayBePublic()) {
			continue
		}
		var left []string
		whole := false
		for _, it := range st.grantedItems(actions) {
			switch d.takenBack(st, it) {
			case yes:
				continue
			case maybe:
				undecided = true
				continue
			}
			if !public || !it.certain {
				undecided = true
				continue
			}
			if it.name == "" {
				whole = true
			} else {
				left = append(left, it.name)
			}
		}
		if whole || len(left) > 0 {
			grants = append(grants, PublicGrant{Index: i, Statement: st, Actions: left})
		}
	}
	return grants, undecided
}

// grantItem is one part of what an Allow statement grants: an Action item,
// a named action asked about, or (name empty) everything a NotAction
// statement grants.
type grantItem struct {
	name    string
	actions bounds
	// certain is false for a named action the statement grants only if its
	// unknown items say so.
	certain bool
}

// grantedItems splits what the statement grants into the items PublicGrants
// judges one by one.
func (s Statement) grantedItems(named []string) []grantItem {
	granted := s.actionBounds()
	if len(named) > 0 {
		var out []grantItem
		for _, a := range named {
			one := exactly(strings.ToLower(a))
			switch cover(one, granted) {
			case yes:
				out = append(out, grantItem{name: a, actions: one, certain: true})
			case maybe:
				out = append(out, grantItem{name: a, actions: one})
			}
		}
		return out
	}
	if len(s.NotAction) > 0 {
		return []grantItem{{actions: granted, certain: true}}
	}
	out := make([]grantItem, 0, len(s.Action))
	for _, a := range s.Action {
		out = append(out, grantItem{name: a, actions: boundsOf([]string{strings.ToLower(a)}, false), certain: true})
	}
	return out
}

// takenBack reports whether a Deny statement of the document takes item of
// allow back from every outside caller.
func (d Document) takenBack(allow Statement, it grantItem) tri {
	out := no
	for _, st := range d.Statements {
		if !st.MayHaveEffect("Deny") {
			continue
		}
		t := min(effectIs(st, "Deny"), st.appliesToEveryone(), st.holdsForOutsiders(),
			resourceCover(allow, st), cover(it.actions, st.actionBounds()))
		out = max(out, t)
		if out == yes {
			break
		}
	}
	return out
}

// tri is a three-valued answer: no, maybe (depending on unknown items), yes.
// min is its conjunction and max its disjunction.
type tri int

const (
	no tri = iota
	maybe
	yes
)

func effectIs(s Statement, effect string) tri {
	switch {
	case s.Effect == effect:
		return yes
	case hasUnknown(s.Effect):
		return maybe
	}
	return no
}

// appliesToEveryone reports whether the statement's principals take in
// every outside caller: Principal "*", or a NotPrincipal that spares named
// principals only.
func (s Statement) appliesToEveryone() tri {
	switch {
	case s.Principal != nil && s.Principal.All:
		return yes
	case s.Principal != nil:
		if s.Principal.hasUnknown() {
			return maybe
		}
	case s.NotPrincipal != nil && s.NotPrincipal.All:
		// Spares everyone.
	case s.NotPrincipal != nil:
		if s.NotPrincipal.hasUnknown() {
			return maybe
		}
		return yes
	}
	return no
}

func (p *Principal) hasUnknown() bool {
	for _, ids := range [][]string{p.AWS, p.Service, p.Federated, p.CanonicalUser} {
		if slices.ContainsFunc(ids, hasUnknown) {
			return true
		}
	}
	return false
}

// holdsForOutsiders reports whether every condition of the statement holds
// for every outside or anonymous caller.
func (s Statement) holdsForOutsiders() tri {
	out := yes
	for _, c := range s.Condition {
		out = min(out, c.holdsForOutsiders())
	}
	return out
}

// outsiderKeys are the global condition keys whose value identifies the
// caller, its organization or account, or the network it calls from,
// uniquely across AWS: an outside caller's value never equals one of the
// owner's, and an anonymous caller has none. aws:username and
// aws:VpcSourceIp are not unique across accounts, and keys such as
// aws:ResourceAccount or kms:ViaService describe the request, not the
// caller.
var outsiderKeys = map[string]bool{
	"aws:principalorgid":       true,
	"aws:principalorgpaths":    true,
	"aws:principalaccount":     true,
	"aws:principalarn":         true,
	"aws:principalservicename": true,
	"aws:sourceaccount":        true,
	"aws:sourcearn":            true,
	"aws:sourceorgid":          true,
	"aws:sourceorgpaths":       true,
	"aws:sourceowner":          true,
	"aws:sourceip":             true,
	"aws:sourcevpc":            true,
	"aws:sourcevpce":           true,
	"aws:userid":               true,
	"kms:calleraccount":        true,
}

// negatedOperators maps the negated condition operators to the positive
// ones they negate.
var negatedOperators = map[string]string{
	"stringnotequals":           "stringequals",
	"stringnotequalsignorecase": "stringequalsignorecase",
	"stringnotlike":             "stringlike",
	"arnnotequals":              "arnequals",
	"arnnotlike":                "arnlike",
	"notipaddress":              "ipaddress",
}

// holdsForOutsiders reports whether the condition is true for every caller
// outside the organizations, accounts, networks or principals it names,
// anonymous callers included: a negated operator (StringNotEquals,
// StringNotLike, ArnNotEquals, ArnNotLike, NotIpAddress) on a key of
// outsiderKeys, with concrete values as Condition.Restricts requires them
// and wildcards only after an account or organization ID.
//
// AWS evaluates a negated operator on a key missing from the request as
// true, and an ...IfExists operator on a missing key as true too, so both
// forms hold for an anonymous caller, who has no aws:PrincipalOrgID; so
// does ForAllValues:, which is true for an empty set. ForAnyValue: is false
// for a missing key and does not hold. Null (key = "true") holds for
// callers without the key only, not for principals of other organizations
// or accounts, and does not hold either.
//
// The answer is maybe when the operator, key or a value is unknown and the
// known parts do not rule the condition out.
func (c Condition) holdsForOutsiders() tri {
	if hasUnknown(c.Operator) || hasUnknown(c.Key) {
		return maybe
	}
	op := strings.TrimPrefix(strings.ToLower(c.Operator), "forallvalues:")
	positive, ok := negatedOperators[strings.TrimSuffix(op, "ifexists")]
	if !ok || !outsiderKeys[strings.ToLower(c.Key)] || len(c.Values) == 0 {
		return no
	}
	if slices.ContainsFunc(c.Values, hasUnknown) {
		return maybe
	}
	if !narrows(positive, c.Values) || slices.ContainsFunc(c.Values, func(v string) bool { return !namesOwner(positive, v) }) {
		return no
	}
	return yes
}

// ownerID matches an account ID or an organization ID.
var ownerID = regexp.MustCompile(`(^|[^0-9])[0-9]{12}([^0-9]|$)|o-[a-z0-9]{10,32}`)

// namesOwner reports whether a value compared with the positive operator op
// leaves out every outsider: a wildcard value of StringLike or ArnLike
// ("arn:aws:iam::111122223333:role/*", "o-abc1234567/r-ab12/*") must name
// an account or organization before its first wildcard, since "o-*" or
// "vpce-*" match outsiders' values too.
func namesOwner(op, v string) bool {
	if op != "stringlike" && op != "arnlike" {
		return true
	}
	i := strings.IndexAny(v, "*?")
	return i < 0 || ownerID.MatchString(v[:i])
}

// resourceCover reports whether deny covers every resource allow grants. A
// statement without Resource or NotResource is about the resource the
// policy is attached to, whose ARN the document does not give: a Deny of
// that form covers every grant of the document, and an Allow of that form
// is covered by a Deny on every resource.
func resourceCover(allow, deny Statement) tri {
	if len(deny.Resource) == 0 && len(deny.NotResource) == 0 {
		return yes
	}
	denied := deny.resourceBounds()
	if len(allow.Resource) == 0 && len(allow.NotResource) == 0 {
		switch {
		case everything.subsetOf(denied.lo):
			return yes
		case denied.hi.empty():
			return no
		}
		return maybe
	}
	return cover(allow.resourceBounds(), denied)
}

// actionBounds returns the statement's actions, lower-cased since AWS
// compares actions case-insensitively.
func (s Statement) actionBounds() bounds {
	if len(s.NotAction) > 0 {
		return boundsOf(lowerAll(s.NotAction), true)
	}
	return boundsOf(lowerAll(s.Action), false)
}

// resourceBounds returns the statement's resources; AWS compares ARNs
// case-sensitively.
func (s Statement) resourceBounds() bounds {
	if len(s.NotResource) > 0 {
		return boundsOf(s.NotResource, true)
	}
	return boundsOf(s.Resource, false)
}

func lowerAll(items []string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = strings.ToLower(it)
	}
	return out
}

// nameSet is a set of names (actions, ARNs) given by patterns: the names
// some pattern matches or, with not set, the names none matches.
type nameSet struct {
	patterns []string
	not      bool
}

var everything = nameSet{not: true}

func (a nameSet) empty() bool { return !a.not && len(a.patterns) == 0 }

// subsetOf reports whether every name of a is in b.
func (a nameSet) subsetOf(b nameSet) bool {
	switch {
	case !a.not && !b.not:
		return !slices.ContainsFunc(a.patterns, func(p string) bool { return !patternSubset(p, b.patterns) })
	case !a.not:
		return !slices.ContainsFunc(a.patterns, func(p string) bool { return patternsOverlap(p, b.patterns) })
	case !b.not:
		return patternSubset("*", slices.Concat(a.patterns, b.patterns))
	}
	return !slices.ContainsFunc(b.patterns, func(q string) bool { return !patternSubset(q, a.patterns) })
}

// bounds are the least and the greatest set a list of items holding
// Unknown can stand for, Unknown being any text.
type bounds struct{ lo, hi nameSet }

func boundsOf(items []string, not bool) bounds {
	var known, wide []string
	for _, it := range items {
		wide = append(wide, strings.ReplaceAll(it, Unknown, "*"))
		if !hasUnknown(it) {
			known = append(known, it)
		}
	}
	if not {
		return bounds{lo: nameSet{wide, true}, hi: nameSet{known, true}}
	}
	return bounds{lo: nameSet{known, false}, hi: nameSet{wide, false}}
}

func exactly(name string) bounds {
	s := nameSet{patterns: []string{name}}
	return bounds{lo: s, hi: s}
}

// cover reports whether the set b stands for contains the one a stands for:
// yes whatever the unknown items are, no whatever they are, or maybe.
func cover(a, b bounds) tri {
	switch {
	case a.hi.subsetOf(b.lo):
		return yes
	case !a.lo.subsetOf(b.hi):
		return no
	}
	return maybe
}

// patternSubset reports whether every name p matches is matched by one of
// qs. patternsOverlap reports whether some name is matched by p and by one
// of qs. Patterns use '*' and '?' as in MatchPattern, compared
// case-sensitively; both answers are exact.
func patternSubset(p string, qs []string) bool {
	return !reachable(p, qs, func(pDone, qDone bool) bool { return pDone && !qDone })
}

func patternsOverlap(p string, qs []string) bool {
	return reachable(p, qs, func(pDone, qDone bool) bool { return pDone && qDone })
}

// reachable explores, name by name, the pairs (positions of p, positions
// of the qs) that a common prefix leads to, and reports whether one meets
// found, given whether p and some q match the whole name. Characters that
// appear in no pattern behave alike, so one stands for all of them.
func reachable(p string, qs []string, found func(pDone, qDone bool) bool) bool {
	pats := append([]string{p}, qs...)
	alphabet := []byte{0}
	for _, s := range pats {
		for i := range len(s) {
			if c := s[i]; c != '*' && c != '?' && !slices.Contains(alphabet, c) {
				alphabet = append(alphabet, c)
			}
		}
	}
	start := closeStars(pats, []position{{0, 0}}, len(qs))
	seen := map[string]bool{key(start): true}
	queue := [][]position{start}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		pDone, qDone := false, false
		for _, at := range cur {
			if at.at == len(pats[at.pat]) {
				pDone = pDone || at.pat == 0
				qDone = qDone || at.pat > 0
			}
		}
		if found(pDone, qDone) {
			return true
		}
		for _, c := range alphabet {
			var next []position
			for _, at := range cur {
				if at.at == len(pats[at.pat]) {
					continue
				}
				switch ch := pats[at.pat][at.at]; {
				case ch == '*':
					next = append(next, at)
				case ch == '?' || ch == c:
					next = append(next, position{at.pat, at.at + 1})
				}
			}
			next = closeStars(pats, next, 0)
			if !slices.ContainsFunc(next, func(at position) bool { return at.pat == 0 }) {
				// p matches no name with this prefix.
				continue
			}
			if k := key(next); !seen[k] {
				seen[k] = true
				queue = append(queue, next)
			}
		}
	}
	return false
}

// position is a position in one of the patterns reachable compares.
type position struct{ pat, at int }

// closeStars adds the start of the qs (the first n patterns after p) to
// at, then the position after each '*' reached, since a star may match
// nothing; it returns the set sorted and without duplicates.
func closeStars(pats []string, at []position, n int) []position {
	for i := 1; i <= n; i++ {
		at = append(at, position{i, 0})
	}
	for i := 0; i < len(at); i++ {
		if s := pats[at[i].pat]; at[i].at < len(s) && s[at[i].at] == '*' {
			after := position{at[i].pat, at[i].at + 1}
			if !slices.Contains(at, after) {
				at = append(at, after)
			}
		}
	}
	slices.SortFunc(at, func(a, b position) int {
		if a.pat != b.pat {
			return a.pat - b.pat
		}
		return a.at - b.at
	})
	return slices.Compact(at)
}

func key(at []position) string {
	var b strings.Builder
	for _, p := range at {
		fmt.Fprintf(&b, "%d.%d,", p.pat, p.at)
	}
	return b.String()
}
