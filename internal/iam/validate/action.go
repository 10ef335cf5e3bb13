package validate

import (
	"iter"
	"strings"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/textdist"
)

func (s *stmt) actionElements() {
	a, hasA := s.pos.Element(iam.ElemAction)
	na, hasNA := s.pos.Element(iam.ElemNotAction)
	switch {
	case hasA && hasNA:
		s.add(UnsupportedElementCombination, na.Pos, s.path, "The policy elements Action and NotAction can not be used in the same statement. Remove one of these elements.")
	case !hasA && !hasNA:
		s.add(MissingAction, s.pos.Pos, s.path, "Add an Action or NotAction element to the policy statement.")
	}
	for _, e := range []struct {
		p     iam.ElementPos
		ok    bool
		items []string
	}{{a, hasA, s.st.Action}, {na, hasNA, s.st.NotAction}} {
		if !e.ok {
			continue
		}
		if e.p.Kind == iam.KindArray && len(e.items) == 0 {
			s.add(EmptyArrayAction, e.p.Pos, s.path+"."+e.p.Elem.String(), "This statement includes no actions and does not affect the policy. Specify actions.")
		}
		for j, name := range e.items {
			if s.isString(e.p, j) {
				s.action(e.p.Elem, j, name, s.matches(e.p.Elem, j))
			}
		}
	}
	if hasA {
		s.redundantActions()
	}
	if hasNA && s.isAllow() && (s.v.kind == Identity || s.v.kind == Resource || s.v.kind == Trust) {
		s.add(AllowWithNotAction, na.Pos, s.path+".NotAction", "Using Allow with NotAction grants every action that is not listed, in every service, including actions AWS adds later. We recommend that you list the allowed actions in Action instead.")
	}
}

// trustActions are the actions a role trust policy may allow.
var trustActions = map[string]bool{
	"sts:assumerole": true, "sts:assumerolewithsaml": true, "sts:assumerolewithwebidentity": true,
	"sts:tagsession": true, "sts:setsourceidentity": true, "sts:setcontext": true,
}

// itemMatch is what one Action or NotAction item matches: the action a
// literal name names, or a pattern's actions.
type itemMatch struct {
	one *catalog.Action
	set catalog.Set
}

func (m itemMatch) empty() bool { return m.one == nil && m.set.IsEmpty() }

// matches returns what item j of Action or NotAction matches, matching each
// item once per statement. A literal name is looked up rather than
// matched: a set is the size of the catalogue.
func (s *stmt) matches(e iam.Element, j int) itemMatch {
	items, cache := s.st.Action, &s.actionMatches
	if e == iam.ElemNotAction {
		items, cache = s.st.NotAction, &s.notActionMatches
	}
	if *cache == nil {
		*cache = make([]itemMatch, len(items))
		for i, name := range items {
			switch {
			case hasVariable(name):
			case wild(name):
				(*cache)[i].set = s.v.cat.Match(name)
			default:
				(*cache)[i].one = s.v.cat.Action(name)
			}
		}
	}
	return (*cache)[j]
}

// actions yields the actions the statement's Action items match, an action
// as often as items match it. It yields nothing for a statement with
// NotAction: which actions that covers is not the question asked.
func (s *stmt) actions() iter.Seq[*catalog.Action] {
	return func(yield func(*catalog.Action) bool) {
		all := s.v.cat.Actions()
		for j := range s.st.Action {
			m := s.matches(iam.ElemAction, j)
			if m.one != nil && !yield(m.one) {
				return
			}
			for id := range m.set.All() {
				if !yield(all[id]) {
					return
				}
			}
		}
	}
}

// hasActions reports whether some Action item matches an action.
func (s *stmt) hasActions() bool {
	for range s.actions() {
		return true
	}
	return false
}

// action checks item j of an Action or NotAction element, which matches
// m.
func (s *stmt) action(e iam.Element, j int, name string, m itemMatch) {
	pos, path := s.item(e, j), s.itemPath(e, j)
	if hasVariable(name) {
		s.add(VariableUnsupportedInElement, pos, path, "Policy variables are supported in the Resource and Condition elements. Remove the policy variable from this element.")
		return
	}
	if name == "*" {
		return
	}
	svc, act, ok := strings.Cut(name, ":")
	if !ok || act == "" || svc == "" || strings.Contains(act, ":") {
		s.add(InvalidAction, pos, path, "The action %s is not valid. Use the format service:action, such as s3:GetObject.", name)
		return
	}
	cat := s.v.cat
	if wild(svc) {
		s.add(WildcardInServiceName, pos, path, "Avoid using wildcards (*, ?) in the service name of %s because it might grant unintended access to other AWS services with similar names.", name)
		if m.empty() {
			s.add(InvalidAction, pos, path, "The action pattern %s matches no action of any service.", name)
		}
		return
	}
	service := cat.Service(svc)
	if service == nil {
		msg := "The service " + svc + " specified in the action does not exist."
		if near := nearestService(cat, svc); near != "" {
			msg += " Did you mean " + near + "?"
		}
		s.add(InvalidServiceInAction, pos, path, "%s", msg)
		return
	}
	if m.empty() {
		if wild(act) {
			s.add(InvalidAction, pos, path, "The action pattern %s matches no action of the service %s.", name, service.Prefix)
			return
		}
		msg := "The action " + name + " does not exist."
		if near := nearestAction(service, act); near != "" {
			msg += " Did you mean " + near + "?"
		}
		s.add(InvalidAction, pos, path, "%s", msg)
		return
	}
	if s.v.kind == Trust && !wild(act) && !trustActions[strings.ToLower(name)] {
		s.add(UnsupportedActionInPolicy, pos, path, "The action %s is not supported in a role trust policy. Use sts:AssumeRole, sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity, sts:TagSession, sts:SetSourceIdentity or sts:SetContext.", name)
	}
}

func wild(s string) bool { return strings.ContainsAny(s, "*?") }

// redundantActions reports Action items another item already covers: a
// name a pattern matches ("iam:GetUser" beside "iam:Get*"), a pattern
// inside a broader one ("iam:GetUser*" beside "iam:Get*"), or a repeat.
// Coverage is decided on the patterns, not on today's catalogue, so it
// holds for actions AWS adds later. Items are judged from the last, so of
// two equal items the later is the redundant one.
func (s *stmt) redundantActions() {
	items := s.st.Action
	skip := func(i int) bool { return hasVariable(items[i]) || s.matches(iam.ElemAction, i).empty() }
	redundancies(items, true, skip, actionCovers, func(i, j int) {
		pos, path := s.item(iam.ElemAction, i), s.itemPath(iam.ElemAction, i)
		if strings.EqualFold(items[j], items[i]) {
			s.add(RedundantAction, pos, path, "The action %s appears more than once in the statement. Update the policy to remove the redundant action.", items[i])
		} else {
			s.add(RedundantAction, pos, path, "The action %s is redundant because %s already provides its permissions. Update the policy to remove the redundant action.", items[i], items[j])
		}
	})
}

// redundancies calls report(i, j) for each item i of items that item j
// already covers, judging items from the last so that of two equal items
// the later is redundant, and never citing an item found redundant. Items
// skip says are neither judged nor cited. Repeats are found by a map and
// coverage is asked only of wildcard items, so long lists of names cost
// little.
func redundancies(items []string, fold bool, skip func(int) bool, covers func(b, a string) bool, report func(i, j int)) {
	key := func(s string) string {
		if fold {
			return strings.ToLower(s)
		}
		return s
	}
	first := map[string]int{}
	var patterns []int
	for i, it := range items {
		if skip(i) {
			continue
		}
		if _, ok := first[key(it)]; !ok {
			first[key(it)] = i
		}
		if wild(it) {
			patterns = append(patterns, i)
		}
	}
	redundant := make([]bool, len(items))
	for i := len(items) - 1; i >= 0; i-- {
		if skip(i) {
			continue
		}
		if j := first[key(items[i])]; j < i {
			redundant[i] = true
			report(i, j)
			continue
		}
		for _, j := range patterns {
			if j != i && !redundant[j] && covers(items[j], items[i]) {
				redundant[i] = true
				report(i, j)
				break
			}
		}
	}
}

// actionCovers reports whether action pattern b matches everything pattern
// a does, case-insensitively.
func actionCovers(b, a string) bool {
	switch {
	case b == "*" || strings.EqualFold(a, b):
		return true
	case !wild(a):
		return iam.MatchPattern(b, a)
	}
	return prefixPattern(b) && len(a) >= len(b)-1 && strings.EqualFold(a[:len(b)-1], b[:len(b)-1])
}

// prefixPattern reports whether p is a literal prefix followed by one '*'.
func prefixPattern(p string) bool {
	return strings.HasSuffix(p, "*") && !wild(p[:len(p)-1])
}

// nearestService suggests the service prefix closest to a misspelt one.
func nearestService(cat *catalog.Catalog, svc string) string {
	best, bestD := "", maxDistance(svc)+1
	for _, s := range cat.Services() {
		if d := textdist.Levenshtein(strings.ToLower(svc), s.Prefix); d < bestD {
			best, bestD = s.Prefix, d
		}
	}
	return best
}

// nearestAction suggests the action of service closest to a misspelt name.
func nearestAction(service *catalog.Service, name string) string {
	best, bestD := "", maxDistance(name)+1
	lname := strings.ToLower(name)
	for _, a := range service.Actions {
		if d := textdist.Levenshtein(lname, strings.ToLower(a.Name)); d < bestD {
			best, bestD = a.String(), d
		}
	}
	return best
}

// maxDistance is how far a suggestion may be from what was written: a typo
// or two, more in long names.
func maxDistance(s string) int { return max(2, len(s)/5) }

// passRole reports identity policy statements that let a principal pass any
// role (iam:PassRole) or create any service-linked role
// (iam:CreateServiceLinkedRole) as Access Analyzer does: by how the action
// is named (explicitly, by a wildcard, through NotAction) and how the
// resources are (a wildcard for every role, or NotResource).
func (s *stmt) passRole() {
	if s.v.kind != Identity || !s.isAllow() {
		return
	}
	type codes struct{ star, starAction, starNotAction, not, starActionNot, notActionNot Code }
	for _, t := range []struct {
		action string
		codes  codes
		why    string
	}{
		{"iam:PassRole", codes{PassRoleWithStarInResource, PassRoleWithStarInActionAndResource, PassRoleWithStarInResourceAndNotAction,
			PassRoleWithNotResource, PassRoleWithStarInActionAndNotResource, PassRoleWithNotActionAndNotResource},
			"allows iam:PassRole on every role, so principals can pass any role to any service"},
		{"iam:CreateServiceLinkedRole", codes{CreateSLRWithStarInResource, CreateSLRWithStarInActionAndResource, CreateSLRWithStarInResourceAndNotAction,
			CreateSLRWithNotResource, CreateSLRWithStarInActionAndNotResource, CreateSLRWithNotActionAndNotResource},
			"allows iam:CreateServiceLinkedRole on every role, so principals can create unintended service-linked roles"},
	} {
		explicit, starAction := -1, -1
		for j, a := range s.st.Action {
			switch {
			case strings.EqualFold(a, t.action):
				explicit = j
			case wild(a) && iam.MatchPattern(a, t.action) && starAction < 0:
				starAction = j
			}
		}
		notAction := len(s.st.NotAction) > 0 && s.st.CoversAction(t.action)
		starRes := -1
		for j, r := range s.st.Resource {
			if allRoles(r) {
				starRes = j
				break
			}
		}
		notRes := len(s.st.NotResource) > 0
		if t.action == "iam:PassRole" && s.st.HasCondition("iam:PassedToService") {
			starRes = -1
		}
		report := func(code Code, e iam.Element, j int, how string) {
			s.add(code, s.item(e, j), s.itemPath(e, j), "%s %s. We recommend that you specify resource ARNs instead.", how, t.why)
		}
		switch {
		case explicit >= 0 && starRes >= 0:
			report(t.codes.star, iam.ElemResource, starRes, "Using "+t.action+" with a wildcard (*) in the resource")
		case starAction >= 0 && starRes >= 0:
			report(t.codes.starAction, iam.ElemAction, starAction, "Using wildcards (*) in the action and the resource")
		case notAction && starRes >= 0:
			report(t.codes.starNotAction, iam.ElemResource, starRes, "Using NotAction with a wildcard (*) in the resource")
		case explicit >= 0 && notRes:
			report(t.codes.not, iam.ElemNotResource, -1, "Using "+t.action+" with NotResource")
		case starAction >= 0 && notRes:
			report(t.codes.starActionNot, iam.ElemAction, starAction, "Using an action with a wildcard (*) and NotResource")
		case notAction && notRes:
			report(t.codes.notActionNot, iam.ElemNotResource, -1, "Using NotAction with NotResource")
		}
	}
}

// allRoles reports whether a Resource item names every role: "*", or an
// IAM ARN whose resource part is "*", "role/*" or, for service-linked
// roles, "role/aws-service-role/*". A named prefix such as
// "role/Service*" is a choice of roles and not reported.
func allRoles(r string) bool {
	if r == "*" {
		return true
	}
	f := strings.SplitN(r, ":", 6)
	if len(f) != 6 || f[0] != "arn" || f[2] != "iam" && f[2] != "*" {
		return false
	}
	switch f[5] {
	case "*", "role/*", "role*", "role/aws-service-role/*":
		return true
	}
	return false
}
