package iam

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
)

// Document is an IAM policy document: identity, resource, trust, boundary or
// SCP. It is parsed from its JSON text; Raw keeps the text with its origin and
// certainty, so a document built from unknown values is Unknown as a whole.
type Document struct {
	Raw        model.String
	Version    string
	ID         string
	Statements []Statement
	// Err describes why a known text is not a valid policy document.
	Err string
}

// Layout locates the document's parts in Raw's text, nil when the text is
// not known. It is computed on each call, not kept: validators and
// findings that point at a line need it, estates of thousands of policies
// do not.
func (d Document) Layout() *Layout {
	s, ok := d.Raw.Get()
	if !ok {
		return nil
	}
	return scanLayout(s)
}

// Known reports whether the document text was resolved and parsed.
func (d Document) Known() bool { return d.Raw.Known() && d.Err == "" }

// Unknown stands in for a value that could not be resolved (the ARN of a
// resource created in the same configuration, say) in a document whose
// structure is otherwise known: a whole item, or part of one
// ("${unknown}/*"). It matches no name, ARN or pattern; a statement holding
// it anywhere has Partial set. It is model.UnknownPart, so a document text
// rendered with unknown parts reads the same.
const Unknown = model.UnknownPart

// Statement is one policy statement. String-or-list fields are always lists.
type Statement struct {
	// Origin is where the statement is written: the statement block of a
	// policy-document data source, or the whole document text.
	Origin model.Origin
	// Partial reports that Unknown appears somewhere in the statement: in
	// its effect, an action, resource or principal, or a condition.
	Partial      bool
	Sid          string
	Effect       string // "Allow" or "Deny"
	Principal    *Principal
	NotPrincipal *Principal
	Action       []string
	NotAction    []string
	Resource     []string
	NotResource  []string
	Condition    []Condition
}

// Principal is a statement's Principal or NotPrincipal. "*" (or {"AWS":"*"})
// sets All.
type Principal struct {
	All           bool
	AWS           []string
	Service       []string
	Federated     []string
	CanonicalUser []string
}

// Condition is one operator/key pair of a Condition block.
type Condition struct {
	Operator string // e.g. "StringEquals", "ForAnyValue:StringLike", "BoolIfExists"
	Key      string // e.g. "aws:SourceArn"
	Values   []string
}

// IsAllow reports whether the statement allows.
func (s Statement) IsAllow() bool { return s.Effect == "Allow" }

// HasCondition reports whether the statement has a condition on key
// (case-insensitive, as AWS treats condition keys).
func (s Statement) HasCondition(key string) bool {
	return slices.ContainsFunc(s.Condition, func(c Condition) bool { return strings.EqualFold(c.Key, key) })
}

// Absent returns the known, empty document of a resource that has no policy
// of this kind (a bucket without a bucket policy); o is where one would be set.
func Absent(o model.Origin) Document { return Document{Raw: model.Default("", o)} }

// ParseDocument parses a policy document's JSON text. An unknown text gives an
// unknown document; a malformed text gives a document with Err set.
//
// A text holding Unknown is partly known: each statement in which it appears
// is Partial, a Principal or Condition (or one operator's keys) given as
// Unknown reads as unknown items, and a text that does not parse is unknown
// rather than malformed, since Unknown may stand for its missing structure.
func ParseDocument(text model.String) Document {
	s, ok := text.Get()
	if !ok {
		return Document{Raw: text}
	}
	d := parseDocument(text, s)
	if d.Err != "" && strings.Contains(s, Unknown) {
		return Document{Raw: model.Unresolved[string](text.Origin)}
	}
	return d
}

func parseDocument(text model.String, s string) Document {
	d := Document{Raw: text}
	if strings.TrimSpace(s) == "" {
		d.Err = "empty policy document"
		return d
	}
	var raw struct {
		Version   string          `json:"Version"`
		ID        string          `json:"Id"`
		Statement json.RawMessage `json:"Statement"`
	}
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		d.Err = fmt.Sprintf("parse policy document: %v", err)
		return d
	}
	d.Version, d.ID = raw.Version, raw.ID
	var stmts []json.RawMessage
	switch t := bytes.TrimSpace(raw.Statement); {
	case len(t) == 0 || string(t) == "null":
	case t[0] == '[':
		if err := json.Unmarshal(t, &stmts); err != nil {
			d.Err = fmt.Sprintf("parse policy statements: %v", err)
			return d
		}
	default:
		stmts = []json.RawMessage{t}
	}
	for i, rs := range stmts {
		st, err := parseStatement(rs)
		if err != nil {
			d.Err = fmt.Sprintf("parse statement %d: %v", i, err)
			return d
		}
		st.Origin = text.Origin
		st.Partial = bytes.Contains(rs, []byte(Unknown))
		d.Statements = append(d.Statements, st)
	}
	return d
}

func parseStatement(b json.RawMessage) (Statement, error) {
	var raw struct {
		Sid          string          `json:"Sid"`
		Effect       string          `json:"Effect"`
		Principal    json.RawMessage `json:"Principal"`
		NotPrincipal json.RawMessage `json:"NotPrincipal"`
		Action       stringOrList    `json:"Action"`
		NotAction    stringOrList    `json:"NotAction"`
		Resource     stringOrList    `json:"Resource"`
		NotResource  stringOrList    `json:"NotResource"`
		Condition    json.RawMessage `json:"Condition"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return Statement{}, err
	}
	st := Statement{
		Sid: raw.Sid, Effect: raw.Effect,
		Action: raw.Action, NotAction: raw.NotAction,
		Resource: raw.Resource, NotResource: raw.NotResource,
	}
	var err error
	if st.Principal, err = parsePrincipal(raw.Principal); err != nil {
		return st, fmt.Errorf("principal: %w", err)
	}
	if st.NotPrincipal, err = parsePrincipal(raw.NotPrincipal); err != nil {
		return st, fmt.Errorf("not principal: %w", err)
	}
	if st.Condition, err = parseConditions(raw.Condition); err != nil {
		return st, err
	}
	return st, nil
}

// parseConditions reads a Condition block, in operator then key order. An
// Unknown block, or an operator whose keys are Unknown, gives a condition
// whose unknown parts are Unknown.
func parseConditions(b json.RawMessage) ([]Condition, error) {
	if unknownString(b) {
		return []Condition{{Operator: Unknown, Key: Unknown, Values: []string{Unknown}}}, nil
	}
	var block map[string]json.RawMessage
	if len(bytes.TrimSpace(b)) > 0 {
		if err := json.Unmarshal(b, &block); err != nil {
			return nil, fmt.Errorf("condition: %w", err)
		}
	}
	var out []Condition
	for _, op := range slices.Sorted(maps.Keys(block)) {
		if unknownString(block[op]) {
			out = append(out, Condition{Operator: op, Key: Unknown, Values: []string{Unknown}})
			continue
		}
		var keys map[string]json.RawMessage
		if err := json.Unmarshal(block[op], &keys); err != nil {
			return nil, fmt.Errorf("condition %s: %w", op, err)
		}
		for _, k := range slices.Sorted(maps.Keys(keys)) {
			var vs stringOrList
			if err := json.Unmarshal(keys[k], &vs); err != nil {
				return nil, fmt.Errorf("condition %s %s: %w", op, k, err)
			}
			out = append(out, Condition{Operator: op, Key: k, Values: vs})
		}
	}
	return out, nil
}

// unknownString reports whether b is a JSON string holding Unknown: a part
// of the document that could not be resolved at all.
func unknownString(b json.RawMessage) bool {
	var s string
	return json.Unmarshal(b, &s) == nil && strings.Contains(s, Unknown)
}

func parsePrincipal(b json.RawMessage) (*Principal, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		return nil, nil
	}
	if b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return nil, err
		}
		if strings.Contains(s, Unknown) {
			// Some principal, possibly everyone.
			return &Principal{AWS: []string{s}}, nil
		}
		if s != "*" {
			return nil, fmt.Errorf("principal string must be \"*\", got %q", s)
		}
		return &Principal{All: true}, nil
	}
	var m map[string]stringOrList
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	p := &Principal{}
	for k, v := range m {
		switch k {
		case "AWS":
			p.AWS = v
			if slices.Contains(v, "*") {
				p.All = true
			}
		case "Service":
			p.Service = v
		case "Federated":
			p.Federated = v
		case "CanonicalUser":
			p.CanonicalUser = v
		default:
			return nil, fmt.Errorf("unknown principal type %q", k)
		}
	}
	return p, nil
}

// stringOrList decodes IAM's "a string or a list of strings".
type stringOrList []string

func (s *stringOrList) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		return nil
	}
	if len(b) > 0 && b[0] == '[' {
		var vs []any
		if err := json.Unmarshal(b, &vs); err != nil {
			return err
		}
		for _, v := range vs {
			*s = append(*s, scalarString(v))
		}
		return nil
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = stringOrList{scalarString(v)}
	return nil
}

// scalarString renders JSON scalars as AWS reads them: condition values may be
// booleans or numbers.
func scalarString(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case bool:
		if t {
			return "true"
		}
		return "false"
	case float64:
		return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%f", t), "0"), ".")
	default:
		b, _ := json.Marshal(t)
		return string(b)
	}
}
