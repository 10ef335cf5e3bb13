package validate

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// Kind is the kind of policy a document is: which elements it may and must
// have depends on it.
type Kind uint8

// Policy kinds.
const (
	// Identity is a policy attached to a user, group or role.
	Identity Kind = iota + 1
	// Resource is a resource-based policy: a bucket, key or queue policy.
	Resource
	// Trust is a role's trust policy.
	Trust
	// SCP is an AWS Organizations service control policy.
	SCP
	// RCP is an AWS Organizations resource control policy.
	RCP
	// Boundary is a permissions boundary.
	Boundary
)

var kindNames = [...]string{Identity: "identity", Resource: "resource", Trust: "trust", SCP: "scp", RCP: "rcp", Boundary: "boundary"}

func (k Kind) String() string {
	if k >= Identity && k <= Boundary {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// ParseKind reads a kind by its name ("identity", "resource", "trust",
// "scp", "rcp", "boundary"), case-insensitively.
func ParseKind(s string) (Kind, bool) {
	for k := Identity; k <= Boundary; k++ {
		if strings.EqualFold(s, kindNames[k]) {
			return k, true
		}
	}
	return 0, false
}

// identityLike reports whether the kind is a policy attached to IAM
// identities: no Principal, Resource required.
func (k Kind) identityLike() bool { return k == Identity || k == Boundary }

// Type grades a finding as Access Analyzer does.
type Type uint8

// Finding types, most severe first.
const (
	// Error: part of the policy does not work, or AWS refuses it.
	Error Type = iota + 1
	// SecurityWarning: the policy allows more than it seems to.
	SecurityWarning
	// Warning: the policy probably does not work as intended.
	Warning
	// Suggestion: the policy can be simpler, granting the same.
	Suggestion
)

var typeNames = [...]string{Error: "ERROR", SecurityWarning: "SECURITY_WARNING", Warning: "WARNING", Suggestion: "SUGGESTION"}

// String returns the type as Access Analyzer spells it: "SECURITY_WARNING".
func (t Type) String() string {
	if t >= Error && t <= Suggestion {
		return typeNames[t]
	}
	return fmt.Sprintf("Type(%d)", uint8(t))
}

// Finding is one problem in a policy.
type Finding struct {
	Type    Type
	Code    Code
	Message string
	// Range is the part at fault in the file.
	Range model.Range
	// Path names the part as Access Analyzer's locations do:
	// "Statement[1].Condition.StringEquals.aws:SourceVpc".
	Path string
}

func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s %s: %s", f.Range.File, f.Range.StartLine, f.Range.StartCol, f.Type, f.Code, f.Message)
}

// Validate checks the policy text of the given kind, read from file, and
// returns its findings sorted by position.
func Validate(text string, kind Kind, file string) []Finding {
	return ValidateAt(text, kind, model.Range{File: file})
}

// ValidateAt is Validate for a text that sits verbatim in a file from the
// line and column at gives (a heredoc, say): positions are placed there.
func ValidateAt(text string, kind Kind, at model.Range) []Finding {
	v := &validator{
		cat:  catalog.Load(),
		kind: kind,
		text: text,
		at:   at,
		doc:  iam.ParseDocument(model.Set(text, model.Origin{Range: at})),
	}
	v.layout = v.doc.Layout()
	v.run()
	slices.SortFunc(v.findings, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Range.StartLine, b.Range.StartLine),
			cmp.Compare(a.Range.StartCol, b.Range.StartCol),
			cmp.Compare(a.Type, b.Type),
			cmp.Compare(a.Code, b.Code),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return slices.CompactFunc(v.findings, func(a, b Finding) bool { return a == b })
}

type validator struct {
	cat  *catalog.Catalog
	kind Kind
	text string
	at   model.Range
	doc  iam.Document
	// layout locates doc's parts in text.
	layout *iam.Layout
	// version is the document's Version, "" when it has none.
	version  string
	findings []Finding
	// tagMemo and keyMemo remember answers about condition keys and
	// statements' actions (see stmt.memoKey).
	tagMemo map[string][]string
	keyMemo map[string][2]bool
}

func (v *validator) add(code Code, pos iam.TextPos, path, format string, args ...any) {
	v.findings = append(v.findings, Finding{
		Type:    code.Type(),
		Code:    code,
		Message: fmt.Sprintf(format, args...),
		Range:   v.layout.Range(pos, v.at),
		Path:    path,
	})
}

// whole spans the document text without its surrounding white space: where
// findings about the document as a whole point.
func (v *validator) whole() iam.TextPos {
	start := len(v.text) - len(strings.TrimLeft(v.text, " \t\r\n"))
	end := len(strings.TrimRight(v.text, " \t\r\n"))
	return iam.TextPos{Start: int32(start), End: int32(max(start, end))}
}

func (v *validator) run() {
	l := v.layout
	if l == nil {
		// The text holds Vigil's marker for an unresolved value and does
		// not parse: nothing is known about it.
		return
	}
	if len(l.Problems) > 0 && l.Problems[0].Kind == iam.ProblemSyntax {
		p := l.Problems[0]
		line, col := l.Position(p.Pos.Start)
		v.add(JSONSyntaxError, p.Pos, "", "Fix the JSON syntax error at line %d column %d: %s.", line, col, p.Text)
		return
	}
	if p, ok := l.Element(iam.ElemVersion); ok {
		v.version = v.str(p)
	}
	v.problems(l.Problems)
	if v.doc.Err != "" {
		v.parseError()
	}
	v.document()
	for i := range v.doc.Statements {
		v.statement(i)
	}
	v.redundantStatements()
}

// problems reports what the parser tolerated.
func (v *validator) problems(ps []iam.Problem) {
	for _, p := range ps {
		switch p.Kind {
		case iam.ProblemDuplicate:
			if p.Elem == iam.ElemCondition {
				v.add(DuplicateKey, p.Pos, p.Text, "The key %s appears more than once in this condition block; only the last is used. Remove the duplicate.", p.Text)
				continue
			}
			v.add(DuplicateKey, p.Pos, p.Text, "The element %s appears more than once in this object; only one is used. Remove the duplicate.", p.Text)
		case iam.ProblemUnknownElement:
			if p.Elem == iam.ElemPrincipal || p.Elem == iam.ElemNotPrincipal {
				v.add(InvalidPrincipalKey, p.Pos, p.Elem.String()+"."+p.Text, "The principal key %s is not valid. Use AWS, Service, Federated or CanonicalUser.", p.Text)
				continue
			}
			v.add(InvalidPolicyElement, p.Pos, p.Text, "The policy element %s is not valid.", p.Text)
		case iam.ProblemElementCase:
			v.add(InvalidPolicyElement, p.Pos, p.Text, "The policy element %s is not valid: element names are case-sensitive. Use %s.", p.Text, p.Elem)
		case iam.ProblemType:
			v.add(DataTypeMismatch, p.Pos, p.Elem.String(), "The text does not match the expected JSON data type: %s.", p.Text)
		}
	}
}

// parseError reports a document the parser refused for a reason the layout
// does not already show: a Principal string other than "*".
func (v *validator) parseError() {
	for _, p := range v.layout.Problems {
		if p.Kind == iam.ProblemType || p.Kind == iam.ProblemUnknownElement && p.Elem != 0 {
			return
		}
	}
	i := len(v.doc.Statements) // the parser stops at the statement it cannot read
	if i < len(v.layout.Statements) {
		sp := v.layout.Statements[i]
		for _, e := range []iam.Element{iam.ElemPrincipal, iam.ElemNotPrincipal} {
			if p, ok := sp.Element(e); ok && p.Kind == iam.KindString {
				v.add(InvalidPrincipalFormat, p.Pos, stmtPath(i)+"."+e.String(),
					`The %s element contents are not valid: a string principal must be "*". Specify a key-value pair such as {"AWS": "123456789012"}.`, e)
				return
			}
		}
	}
	v.add(DataTypeMismatch, v.whole(), "", "The policy could not be read: %s.", v.doc.Err)
}

// Known policy language versions.
const (
	version2012 = "2012-10-17"
	version2008 = "2008-10-17"
)

func (v *validator) document() {
	l := v.layout
	if p, ok := l.Element(iam.ElemVersion); !ok {
		v.add(MissingVersion, v.whole(), "Version", "We recommend that you specify the Version element (%s) to help you with debugging permission issues; without it, policy variables are not recognized.", version2012)
	} else if p.Kind == iam.KindString && v.version != version2012 && v.version != version2008 {
		v.add(InvalidVersion, p.Pos, "Version", "The version %s is not valid. Use one of the following versions: %s, %s.", v.version, version2012, version2008)
	}
	if p, ok := l.Element(iam.ElemStatement); !ok || len(l.Statements) == 0 {
		pos := v.whole()
		if ok {
			pos = p.Pos
		}
		v.add(MissingStatement, pos, "Statement", "Add a statement to the policy.")
	}
	v.size()
	v.sids()
}

// Policy size quotas.
const (
	scpQuota      = 5120 // characters, white space included
	identityQuota = 6144 // characters of a managed policy, white space excluded
)

func (v *validator) size() {
	switch v.kind {
	case SCP:
		if n := utf8.RuneCountInString(v.text); n > scpQuota {
			v.add(PolicySizeExceedsSCPQuota, v.whole(), "", "The %d characters in the service control policy (SCP) exceed the %d character maximum for SCPs. We recommend that you use multiple granular policies.", n, scpQuota)
		}
	case Identity:
		n := 0
		for _, r := range v.text {
			if r != ' ' && r != '\t' && r != '\n' && r != '\r' {
				n++
			}
		}
		if n > identityQuota {
			v.add(PolicySizeExceedsIdentityPolicyQuota, v.whole(), "", "The %d characters in the identity policy, excluding white space, exceed the %d character maximum for managed policies. We recommend that you use multiple granular policies.", n, identityQuota)
		}
	}
}

// sids checks statement IDs: IAM stores identity, boundary and trust
// policies and wants them unique and alphanumeric; other services only
// recommend uniqueness.
func (v *validator) sids() {
	iamStored := v.kind.identityLike() || v.kind == Trust
	seen := map[string]bool{}
	for i, st := range v.doc.Statements {
		p, ok := v.layout.Statements[i].Element(iam.ElemSid)
		if !ok || p.Kind != iam.KindString {
			continue
		}
		path := stmtPath(i) + ".Sid"
		switch {
		case st.Sid == "":
			v.add(EmptySidValue, p.Pos, path, "Add a value to the empty string in the Sid element.")
			continue
		case iamStored && !alphanumeric(st.Sid):
			v.add(UnsupportedSid, p.Pos, path, "Update the characters in the Sid element to use one of the following character types: [a-z, A-Z, 0-9].")
		}
		if seen[st.Sid] {
			if iamStored {
				v.add(UniqueSidsRequired, p.Pos, path, "Duplicate statement IDs are not supported for this policy type. Update the Sid value %s.", st.Sid)
			} else {
				v.add(UniqueSidsRecommended, p.Pos, path, "We recommend that you use statement IDs that are unique to your policy. Update the Sid value %s.", st.Sid)
			}
		}
		seen[st.Sid] = true
	}
}

func alphanumeric(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// str returns the string value of a string element, read from the text: a
// document the parser refused has no parsed values.
func (v *validator) str(p iam.ElementPos) string {
	if p.Kind != iam.KindString || len(p.Items) == 0 {
		return ""
	}
	var s string
	_ = json.Unmarshal([]byte(v.text[p.Items[0].Start:p.Items[0].End]), &s) // a valid string literal
	return s
}

func stmtPath(i int) string { return fmt.Sprintf("Statement[%d]", i) }

// redundantStatements reports a statement identical to an earlier one but
// for its Sid.
func (v *validator) redundantStatements() {
	seen := map[string]int{}
	for i, st := range v.doc.Statements {
		k := statementKey(st)
		if j, ok := seen[k]; ok {
			v.add(RedundantStatement, v.layout.Statements[i].Pos, stmtPath(i),
				"The statement is redundant because it provides the same permissions as statement %d. Update the policy to remove the redundant statement.", j)
			continue
		}
		seen[k] = i
	}
}

// statementKey renders what a statement grants, order and case of actions
// aside, so that equal keys mean identical permissions.
func statementKey(st iam.Statement) string {
	var b strings.Builder
	list := func(name string, items []string, fold bool) {
		s := slices.Clone(items)
		if fold {
			for i := range s {
				s[i] = strings.ToLower(s[i])
			}
		}
		slices.Sort(s)
		s = slices.Compact(s)
		fmt.Fprintf(&b, "%s%q;", name, s)
	}
	principal := func(name string, p *iam.Principal) {
		if p == nil {
			return
		}
		fmt.Fprintf(&b, "%s%v;", name, p.All)
		list("AWS", p.AWS, false)
		list("Service", p.Service, false)
		list("Federated", p.Federated, false)
		list("CanonicalUser", p.CanonicalUser, false)
	}
	b.WriteString(st.Effect + ";")
	principal("P", st.Principal)
	principal("NP", st.NotPrincipal)
	list("A", st.Action, true)
	list("NA", st.NotAction, true)
	list("R", st.Resource, false)
	list("NR", st.NotResource, false)
	for _, c := range st.Condition {
		list(c.Operator+"|"+strings.ToLower(c.Key), c.Values, false)
	}
	return b.String()
}
