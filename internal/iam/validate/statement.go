package validate

import (
	"fmt"
	"strings"

	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// stmt is one statement under validation, with where its parts are.
type stmt struct {
	v    *validator
	i    int
	st   iam.Statement
	pos  iam.StatementPos
	path string
	// actionMatches and notActionMatches hold what each Action and
	// NotAction item matches, once asked.
	actionMatches, notActionMatches []itemMatch
}

func (v *validator) statement(i int) {
	s := &stmt{v: v, i: i, st: v.doc.Statements[i], pos: v.layout.Statements[i], path: stmtPath(i)}
	s.effect()
	s.principals()
	s.actionElements()
	s.resourceElements()
	s.conditions()
	s.passRole()
}

func (s *stmt) add(code Code, pos iam.TextPos, path, format string, args ...any) {
	s.v.add(code, pos, path, format, args...)
}

// item returns the span of item j of element e, or the element's, or the
// statement's when the layout lacks it.
func (s *stmt) item(e iam.Element, j int) iam.TextPos {
	p, ok := s.pos.Element(e)
	switch {
	case ok && j >= 0 && j < len(p.Items):
		return p.Items[j]
	case ok:
		return p.Pos
	default:
		return s.pos.Pos
	}
}

// isString reports whether item j of element p is written as a string:
// other JSON types are reported as data type mismatches, once.
func (s *stmt) isString(p iam.ElementPos, j int) bool {
	return j < len(p.Items) && s.v.text[p.Items[j].Start] == '"'
}

// itemPath names item j of element e, or the element for a negative j.
func (s *stmt) itemPath(e iam.Element, j int) string {
	if j < 0 {
		return s.path + "." + e.String()
	}
	return fmt.Sprintf("%s.%s[%d]", s.path, e, j)
}

func (s *stmt) isAllow() bool { return s.st.Effect == "Allow" }

func (s *stmt) effect() {
	p, ok := s.pos.Element(iam.ElemEffect)
	switch {
	case !ok:
		s.add(MissingEffect, s.pos.Pos, s.path, "Add an Effect element to the policy statement with a value of Allow or Deny.")
	case p.Kind != iam.KindString:
	case s.st.Effect != "Allow" && s.st.Effect != "Deny":
		s.add(InvalidEffect, p.Items[0], s.path+".Effect", "The effect %s is not valid. Use Allow or Deny.", s.st.Effect)
	case s.v.kind == RCP && s.isAllow():
		s.add(RCPSyntaxErrorAllow, p.Items[0], s.path+".Effect", "Resource control policies support only the Deny effect. Update the effect.")
	}
}

func (s *stmt) principals() {
	pr, hasP := s.pos.Element(iam.ElemPrincipal)
	np, hasNP := s.pos.Element(iam.ElemNotPrincipal)
	if hasP && hasNP {
		s.add(UnsupportedElementCombination, np.Pos, s.path, "The policy elements Principal and NotPrincipal can not be used in the same statement. Remove one of these elements.")
	}
	present := func(f func(p iam.ElementPos)) {
		if hasP {
			f(pr)
		}
		if hasNP {
			f(np)
		}
	}
	switch s.v.kind {
	case Identity, Boundary:
		present(func(p iam.ElementPos) {
			s.add(UnsupportedPrincipal, p.Pos, s.path+"."+p.Elem.String(), "The policy type %s does not support the %s element. Remove the %[2]s element.", s.v.kind, p.Elem)
		})
		return
	case SCP:
		present(func(p iam.ElementPos) {
			s.add(SCPSyntaxErrorPrincipal, p.Pos, s.path+"."+p.Elem.String(), "SCPs do not support specifying principals. Remove the %s element; use the aws:PrincipalArn condition key instead.", p.Elem)
		})
		return
	case RCP:
		if hasP && pr.Kind != iam.KindString {
			s.add(RCPSyntaxErrorPrincipal, pr.Pos, s.path+".Principal", `Resource control policies apply to every principal: the Principal element must be "*". Use condition keys such as aws:PrincipalArn to narrow them.`)
		}
		if hasNP {
			s.add(RCPSyntaxErrorPrincipal, np.Pos, s.path+".NotPrincipal", "Resource control policies do not support NotPrincipal. Use condition keys such as aws:PrincipalArn instead.")
		}
	}
	if !hasP && !hasNP {
		s.add(MissingPrincipal, s.pos.Pos, s.path, "Add a Principal element to the policy statement.")
		return
	}
	if hasNP && s.isAllow() {
		s.add(AllowWithNotPrincipal, np.Pos, s.path+".NotPrincipal", "Using Allow with NotPrincipal can be overly permissive: it can grant access to anonymous principals. We recommend that you use Principal instead.")
	}
	if hasP {
		s.principal(pr, s.st.Principal)
	}
	if hasNP {
		s.principal(np, s.st.NotPrincipal)
	}
}

// principal checks the contents of a Principal or NotPrincipal.
func (s *stmt) principal(p iam.ElementPos, pr *iam.Principal) {
	path := s.path + "." + p.Elem.String()
	if p.Kind == iam.KindObject && len(p.Members) == 0 {
		s.add(EmptyObjectPrincipal, p.Pos, path, "This statement includes no principals and does not affect the policy. Specify principals.")
		return
	}
	if pr == nil {
		return
	}
	for _, m := range p.Members {
		mpath := path + "." + m.Elem.String()
		if m.Kind == iam.KindArray && len(m.Items) == 0 {
			s.add(EmptyArrayPrincipal, m.Pos, mpath, "This statement includes no principals and does not affect the policy. Specify principals.")
			continue
		}
		var values []string
		switch m.Elem {
		case iam.ElemAWS:
			values = pr.AWS
		case iam.ElemService:
			values = pr.Service
		case iam.ElemFederated:
			values = pr.Federated
		case iam.ElemCanonicalUser:
			values = pr.CanonicalUser
		}
		for j, val := range values {
			if j >= len(m.Items) {
				break
			}
			s.principalValue(m.Elem, val, m.Items[j], fmt.Sprintf("%s[%d]", mpath, j))
		}
	}
}

// principalValue checks one principal identifier of type t.
func (s *stmt) principalValue(t iam.Element, val string, pos iam.TextPos, path string) {
	switch {
	case hasVariable(val):
		s.add(VariableUnsupportedInElement, pos, path, "Policy variables are supported in the Resource and Condition elements. Remove the policy variable from this element.")
		return
	case val == "*" && t == iam.ElemAWS:
		return
	case strings.ContainsAny(val, "*?"):
		s.add(UnsupportedWildcardInPrincipal, pos, path, "Wildcards (*, ?) are not supported with the principal key %s. Replace the wildcard with a valid principal value.", t)
		return
	case t != iam.ElemAWS:
		return
	case isAccountID(val):
	case strings.HasPrefix(val, "AROA"):
		s.add(InvalidRoleReference, pos, path, "The Principal element includes the IAM role ID %s. We recommend that you use a role ARN instead.", val)
	case strings.HasPrefix(val, "AIDA"):
		s.add(InvalidUserReference, pos, path, "The Principal element includes the IAM user ID %s. We recommend that you use a user ARN instead.", val)
	case !principalARN(val):
		s.add(InvalidPrincipalFormat, pos, path, "The AWS principal %s is not valid. Use an account ID, an IAM or STS ARN, or \"*\".", val)
	}
}

func isAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// principalARN reports whether s is an IAM or STS principal ARN:
// arn:partition:iam::account:root|user/...|role/..., or an STS session.
func principalARN(s string) bool {
	f := strings.SplitN(s, ":", 6)
	if len(f) != 6 || f[0] != "arn" || !knownPartition(f[1]) || f[3] != "" || !isAccountID(f[4]) && f[4] != "aws" {
		return false
	}
	switch f[2] {
	case "iam":
		return f[5] == "root" || strings.HasPrefix(f[5], "user/") || strings.HasPrefix(f[5], "role/") ||
			strings.HasPrefix(f[5], "federated-user/")
	case "sts":
		return strings.HasPrefix(f[5], "assumed-role/") || strings.HasPrefix(f[5], "federated-user/")
	}
	return false
}

// partitions are the AWS partitions ARNs name.
var partitions = map[string]bool{
	"aws": true, "aws-cn": true, "aws-us-gov": true, "aws-iso": true, "aws-iso-b": true,
	"aws-iso-e": true, "aws-iso-f": true, "aws-eusc": true,
}

func knownPartition(p string) bool { return partitions[p] }
