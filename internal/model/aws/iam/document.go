package iam

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
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

// Known reports whether the document text was resolved and parsed.
func (d Document) Known() bool { return d.Raw.Known() && d.Err == "" }

// Unknown stands in for a list item whose value could not be resolved (the ARN
// of a resource created in the same configuration, say) in a document whose
// structure is otherwise known. It matches no name, ARN or pattern; a
// statement holding it has Partial set.
const Unknown = "${unknown}"

// Statement is one policy statement. String-or-list fields are always lists.
type Statement struct {
	// Origin is where the statement is written: the statement block of a
	// policy-document data source, or the whole document text.
	Origin model.Origin
	// Partial reports that some item of the statement is Unknown.
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
func ParseDocument(text model.String) Document {
	d := Document{Raw: text}
	s, ok := text.Get()
	if !ok {
		return d
	}
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
		d.Statements = append(d.Statements, st)
	}
	return d
}

func parseStatement(b json.RawMessage) (Statement, error) {
	var raw struct {
		Sid          string                                `json:"Sid"`
		Effect       string                                `json:"Effect"`
		Principal    json.RawMessage                       `json:"Principal"`
		NotPrincipal json.RawMessage                       `json:"NotPrincipal"`
		Action       stringOrList                          `json:"Action"`
		NotAction    stringOrList                          `json:"NotAction"`
		Resource     stringOrList                          `json:"Resource"`
		NotResource  stringOrList                          `json:"NotResource"`
		Condition    map[string]map[string]json.RawMessage `json:"Condition"`
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
	ops := make([]string, 0, len(raw.Condition))
	for op := range raw.Condition {
		ops = append(ops, op)
	}
	sort.Strings(ops)
	for _, op := range ops {
		keys := make([]string, 0, len(raw.Condition[op]))
		for k := range raw.Condition[op] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			var vs stringOrList
			if err := json.Unmarshal(raw.Condition[op][k], &vs); err != nil {
				return st, fmt.Errorf("condition %s %s: %w", op, k, err)
			}
			st.Condition = append(st.Condition, Condition{Operator: op, Key: k, Values: vs})
		}
	}
	return st, nil
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
