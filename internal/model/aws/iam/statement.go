package iam

import (
	"net/netip"
	"slices"
	"strings"
)

// MatchPattern reports whether an IAM pattern ("s3:Get*", "iam:Pass?ole",
// "*") matches name, case-insensitively as AWS compares actions. A pattern or
// name holding Unknown matches nothing.
func MatchPattern(pattern, name string) bool {
	if hasUnknown(pattern) || hasUnknown(name) {
		return false
	}
	return Wildcard(strings.ToLower(pattern), strings.ToLower(name))
}

// Wildcard matches s against an IAM pattern, case-sensitively: '*' is any
// run of characters (empty included) and '?' any one. It backtracks to the
// last star only, so it runs in O(len(p)·len(s)) at worst. Callers fold
// case where AWS does (actions); ARNs compare as written.
func Wildcard(p, s string) bool {
	if p == "*" {
		return true
	}
	if strings.IndexByte(p, '*') < 0 && strings.IndexByte(p, '?') < 0 {
		return p == s
	}
	star, mark := -1, 0
	i, j := 0, 0
	for j < len(s) {
		switch {
		case i < len(p) && (p[i] == '?' || p[i] == s[j]):
			i++
			j++
		case i < len(p) && p[i] == '*':
			star, mark = i, j
			i++
		case star >= 0:
			i = star + 1
			mark++
			j = mark
		default:
			return false
		}
	}
	for i < len(p) && p[i] == '*' {
		i++
	}
	return i == len(p)
}

// CoversAction reports whether the statement applies to action: an Action
// pattern matches it, or NotAction is used and none of its patterns does.
// With a NotAction item holding Unknown the answer is false: the item might
// be the action.
func (s Statement) CoversAction(action string) bool {
	if len(s.NotAction) > 0 {
		if slices.ContainsFunc(s.NotAction, hasUnknown) {
			return false
		}
		return !slices.ContainsFunc(s.NotAction, func(p string) bool { return MatchPattern(p, action) })
	}
	return slices.ContainsFunc(s.Action, func(p string) bool { return MatchPattern(p, action) })
}

// AllResources reports whether the statement's Resource is "*".
func (s Statement) AllResources() bool { return slices.Contains(s.Resource, "*") }

// AllPrincipals reports whether the statement applies to every principal:
// Principal "*" (or {"AWS": "*"}), or a NotPrincipal (everyone but a few).
func (s Statement) AllPrincipals() bool {
	return (s.Principal != nil && s.Principal.All) || s.NotPrincipal != nil
}

// IsPublic reports whether the statement allows every principal, anonymous
// ones included, without a condition that restricts who can use it. It
// judges the statement alone: checks ask Document.PublicGrants, which also
// applies the document's Deny statements.
func (s Statement) IsPublic() bool {
	return s.IsAllow() && s.AllPrincipals() && !s.HasRestrictingCondition()
}

// MayBePublic reports whether the statement is public or, filling in its
// Unknown items, might be: its effect may be Allow, its principals are or
// may be everyone, and no fully known condition restricts it. A check that flags public statements stays silent on a Partial
// statement for which this holds but IsPublic does not.
func (s Statement) MayBePublic() bool {
	if s.IsPublic() {
		return true
	}
	if !s.Partial || !s.MayHaveEffect("Allow") {
		return false
	}
	everyone := s.AllPrincipals() || s.Principal != nil && slices.ContainsFunc(s.Principal.AWS, hasUnknown)
	return everyone && !slices.ContainsFunc(s.Condition, func(c Condition) bool {
		return !hasUnknown(c.Operator) && !hasUnknown(c.Key) && !slices.ContainsFunc(c.Values, hasUnknown) && c.Restricts()
	})
}

// MayHaveEffect reports whether the statement's effect is effect ("Allow"
// or "Deny") or, holding Unknown, might be.
func (s Statement) MayHaveEffect(effect string) bool {
	return s.Effect == effect || hasUnknown(s.Effect)
}

// hasUnknown reports whether an item is, or holds, Unknown.
func hasUnknown(item string) bool { return strings.Contains(item, Unknown) }

// CoversAllActions reports whether the statement applies to every action of
// service ("sqs"): an Action pattern such as "*", "sqs:*" or "sq*", or a
// NotAction none of whose patterns can match an action of the service. A
// NotAction item holding Unknown gives false: it might exclude one.
func (s Statement) CoversAllActions(service string) bool {
	prefix := strings.ToLower(service) + ":"
	if len(s.NotAction) > 0 {
		return !slices.ContainsFunc(s.NotAction, func(p string) bool { return hasUnknown(p) || mayMatchPrefix(p, prefix) })
	}
	return slices.ContainsFunc(s.Action, func(p string) bool { return MatchesService(p, service) })
}

// MatchesService reports whether pattern matches every action of service
// ("iam:*", "ia*", "*:*", "*" for "iam"). A pattern holding Unknown matches
// nothing.
func MatchesService(pattern, service string) bool {
	// A pattern ending in '*' that matches the bare prefix matches the prefix
	// followed by anything: its last star takes the rest.
	return strings.HasSuffix(pattern, "*") && MatchPattern(pattern, strings.ToLower(service)+":")
}

// mayMatchPrefix reports whether pattern can match some name starting with
// prefix and longer than it. It over-approximates: the literal part of the
// pattern before its first '*' is compared with the prefix only.
func mayMatchPrefix(pattern, prefix string) bool {
	p := strings.ToLower(pattern)
	lit, _, star := strings.Cut(p, "*")
	if !star && len(p) <= len(prefix) {
		return false
	}
	for i := 0; i < len(lit) && i < len(prefix); i++ {
		if lit[i] != '?' && lit[i] != prefix[i] {
			return false
		}
	}
	return true
}

// DeniesInsecureTransport reports whether the statement denies requests
// made without TLS: a Deny with a Bool (or BoolIfExists) condition
// aws:SecureTransport = false. Whom and which actions it covers is left to
// the caller.
func (s Statement) DeniesInsecureTransport() bool {
	if s.Effect != "Deny" {
		return false
	}
	return slices.ContainsFunc(s.ConditionOn("aws:SecureTransport"), func(c Condition) bool {
		return (strings.EqualFold(c.Operator, "Bool") || strings.EqualFold(c.Operator, "BoolIfExists")) &&
			slices.ContainsFunc(c.Values, func(v string) bool { return strings.EqualFold(v, "false") })
	})
}

// restrictingKeys are the global condition keys that narrow a statement to
// an organization, account, network or named principal. Keys such as
// aws:SecureTransport or aws:CurrentTime do not: anyone can meet them.
var restrictingKeys = map[string]bool{
	"aws:principalorgid":        true,
	"aws:principalorgpaths":     true,
	"aws:principalaccount":      true,
	"aws:principalarn":          true,
	"aws:principalisawsservice": true,
	"aws:principalservicename":  true,
	"aws:sourceaccount":         true,
	"aws:sourcearn":             true,
	"aws:sourceorgid":           true,
	"aws:sourceorgpaths":        true,
	"aws:sourceowner":           true,
	"aws:sourceip":              true,
	"aws:sourcevpc":             true,
	"aws:sourcevpce":            true,
	"aws:vpcsourceip":           true,
	"aws:userid":                true,
	"aws:username":              true,
	"aws:resourceaccount":       true,
	"aws:resourceorgid":         true,
	"aws:resourceorgpaths":      true,
	"kms:calleraccount":         true,
	"kms:viaservice":            true,
}

// positiveOperators are the condition operators that only let through the
// listed values. Negated operators ("StringNotEquals") let through everything
// else, and an ...IfExists operator lets through requests without the key.
var positiveOperators = map[string]bool{
	"stringequals":           true,
	"stringequalsignorecase": true,
	"stringlike":             true,
	"arnequals":              true,
	"arnlike":                true,
	"ipaddress":              true,
	"bool":                   true,
}

// HasRestrictingCondition reports whether some condition of the statement
// limits it to named organizations, accounts, networks or principals.
func (s Statement) HasRestrictingCondition() bool {
	return slices.ContainsFunc(s.Condition, Condition.Restricts)
}

// Restricts reports whether the condition limits who can use a statement:
// a positive operator on an identity or network key, with concrete values.
// A condition whose operator or key holds Unknown is taken as restricting:
// nothing is claimed about a condition the scanner could not read.
func (c Condition) Restricts() bool {
	if hasUnknown(c.Operator) || hasUnknown(c.Key) {
		return true
	}
	op := strings.ToLower(c.Operator)
	if strings.HasPrefix(op, "forallvalues:") {
		// ForAllValues is true for a request without the key at all.
		return false
	}
	op = strings.TrimPrefix(op, "foranyvalue:")
	key := strings.ToLower(c.Key)
	if !positiveOperators[op] || !restrictingKeys[key] || len(c.Values) == 0 {
		return false
	}
	if op == "bool" {
		// Only aws:PrincipalIsAWSService is a restricting boolean key.
		return key == "aws:principalisawsservice" && slices.Equal(c.Values, []string{"true"})
	}
	// An Unknown value is taken as restricting: nothing is claimed about a
	// condition the scanner could not read.
	return narrows(op, c.Values)
}

// narrows reports whether values, compared with the positive operator op
// (lower-case), name particular callers rather than all of them: no value
// is "*", nor with ipaddress a /0 prefix.
func narrows(op string, values []string) bool {
	for _, v := range values {
		if v == "*" {
			return false
		}
		if op == "ipaddress" {
			if p, err := netip.ParsePrefix(v); err == nil && p.Bits() == 0 {
				return false
			}
		}
	}
	return true
}

// ConditionOn returns the conditions of the statement on key
// (case-insensitive).
func (s Statement) ConditionOn(key string) []Condition {
	var out []Condition
	for _, c := range s.Condition {
		if strings.EqualFold(c.Key, key) {
			out = append(out, c)
		}
	}
	return out
}
