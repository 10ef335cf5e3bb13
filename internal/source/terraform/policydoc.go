package terraform

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/vigil-sec/vigil/internal/source/tfres"
	"github.com/zclconf/go-cty/cty"
)

// The AWS provider renders aws_iam_policy_document with these shapes; field
// order and omitempty decide the JSON text, which checks and users compare.
type policyDoc struct {
	Version    string             `json:",omitempty"`
	ID         string             `json:"Id,omitempty"`
	Statements []*policyStatement `json:"Statement,omitempty"`
}

type policyStatement struct {
	Sid           string       `json:",omitempty"`
	Effect        string       `json:",omitempty"`
	Actions       any          `json:"Action,omitempty"`
	NotActions    any          `json:"NotAction,omitempty"`
	Resources     any          `json:"Resource,omitempty"`
	NotResources  any          `json:"NotResource,omitempty"`
	Principals    principalSet `json:"Principal,omitempty"`
	NotPrincipals principalSet `json:"NotPrincipal,omitempty"`
	Conditions    conditionSet `json:"Condition,omitempty"`
}

type principal struct {
	Type string
	// Identifiers is a string or a []string.
	Identifiers any
}

type principalSet []principal

type condition struct {
	Test     string
	Variable string
	// Values is a string or a []string.
	Values any
}

type conditionSet []condition

// MarshalJSON renders principals as the provider does: a lone "*" type is
// the bare string "*"; otherwise a map from type to identifiers, where
// identifiers of repeated types accumulate into a list.
func (ps principalSet) MarshalJSON() ([]byte, error) {
	if len(ps) == 1 && ps[0].Type == "*" {
		return json.Marshal("*")
	}
	out := map[string]any{}
	for _, p := range ps {
		switch ids := p.Identifiers.(type) {
		case []string:
			var acc []string
			switch prev := out[p.Type].(type) {
			case string:
				acc = []string{prev}
			case []string:
				acc = prev
			}
			sorted := slices.Clone(ids)
			sort.Sort(sort.Reverse(sort.StringSlice(sorted)))
			out[p.Type] = append(acc, sorted...)
		case string:
			switch prev := out[p.Type].(type) {
			case nil:
				out[p.Type] = ids
			case string:
				out[p.Type] = []string{prev, ids}
			case []string:
				out[p.Type] = append(prev, ids)
			}
		}
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads principals of a source or override document.
func (ps *principalSet) UnmarshalJSON(b []byte) error {
	var raw any
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	switch t := raw.(type) {
	case string:
		*ps = principalSet{{Type: "*", Identifiers: []string{"*"}}}
	case map[string]any:
		var out principalSet
		for _, k := range sortedKeys(t) {
			switch v := t[k].(type) {
			case string:
				out = append(out, principal{Type: k, Identifiers: v})
			case []any:
				ids := make([]string, 0, len(v))
				for _, e := range v {
					s, ok := e.(string)
					if !ok {
						return fmt.Errorf("principal identifiers must be strings, not %T", e)
					}
					ids = append(ids, s)
				}
				out = append(out, principal{Type: k, Identifiers: ids})
			default:
				return fmt.Errorf("principal identifiers must be strings, not %T", v)
			}
		}
		*ps = out
	default:
		return fmt.Errorf("principal must be a string or an object, not %T", raw)
	}
	return nil
}

// MarshalJSON renders conditions grouped by test, then variable; values
// keep their order.
func (cs conditionSet) MarshalJSON() ([]byte, error) {
	out := map[string]map[string]any{}
	for _, c := range cs {
		byVar := out[c.Test]
		if byVar == nil {
			byVar = map[string]any{}
			out[c.Test] = byVar
		}
		switch vs := c.Values.(type) {
		case []string:
			prev, _ := byVar[c.Variable].([]string)
			byVar[c.Variable] = append(prev, vs...)
		case string:
			byVar[c.Variable] = vs
		}
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads conditions of a source or override document.
func (cs *conditionSet) UnmarshalJSON(b []byte) error {
	var raw map[string]map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	var out conditionSet
	for _, test := range sortedKeys(raw) {
		for _, variable := range sortedKeys(raw[test]) {
			switch v := raw[test][variable].(type) {
			case string:
				out = append(out, condition{Test: test, Variable: variable, Values: []string{v}})
			case bool:
				out = append(out, condition{Test: test, Variable: variable, Values: fmt.Sprint(v)})
			case []any:
				vals := make([]string, 0, len(v))
				for _, e := range v {
					s, ok := e.(string)
					if !ok {
						return fmt.Errorf("condition values must be strings, not %T", e)
					}
					vals = append(vals, s)
				}
				out = append(out, condition{Test: test, Variable: variable, Values: vals})
			}
		}
	}
	*cs = out
	return nil
}

// merge folds other into d: its Id wins, a newer Version wins, and its
// statements replace ours with the same Sid or are appended.
func (d *policyDoc) merge(other *policyDoc) {
	if other.ID != "" {
		d.ID = other.ID
	}
	if other.Version > d.Version {
		d.Version = other.Version
	}
	for _, s := range other.Statements {
		if s.Sid != "" {
			if i := slices.IndexFunc(d.Statements, func(e *policyStatement) bool { return e.Sid == s.Sid }); i >= 0 {
				d.Statements[i] = s
				continue
			}
		}
		d.Statements = append(d.Statements, s)
	}
}

// errUnknownPolicy means an input of the document is not known yet.
var errUnknownPolicy = errors.New("policy document input is unknown")

// policyDocument computes aws_iam_policy_document's json and minified_json
// from its configuration. Both are unknown when any input is; either way
// they carry the marks of every input, so a policy can be traced to the
// resources it names.
func policyDocument(b *tfres.Block) (map[string]cty.Value, error) {
	marks := cty.ValueMarks{}
	collectMarks(b, marks)
	text, err := buildPolicy(b)
	var full, minified cty.Value
	switch {
	case errors.Is(err, errUnknownPolicy):
		full, minified = cty.UnknownVal(cty.String), cty.UnknownVal(cty.String)
	case err != nil:
		return nil, err
	default:
		var compact bytes.Buffer
		if cerr := json.Compact(&compact, []byte(text)); cerr != nil {
			return nil, cerr
		}
		full, minified = cty.StringVal(text), cty.StringVal(compact.String())
	}
	return map[string]cty.Value{
		"json":          full.WithMarks(marks),
		"minified_json": minified.WithMarks(marks),
	}, nil
}

// collectMarks gathers every mark in a block's values.
func collectMarks(b *tfres.Block, marks cty.ValueMarks) {
	for _, a := range b.Attrs {
		_, pvm := a.Value.UnmarkDeepWithPaths()
		for _, pm := range pvm {
			for m := range pm.Marks {
				marks[m] = struct{}{}
			}
		}
	}
	for _, c := range b.Children {
		collectMarks(c, marks)
	}
}

// anyUnknownBlocks reports whether a block or one nested in it came from a
// dynamic block whose for_each is unknown.
func anyUnknownBlocks(b *tfres.Block) bool {
	if len(b.UnknownTypes) > 0 {
		return true
	}
	return slices.ContainsFunc(b.Children, anyUnknownBlocks)
}

func buildPolicy(b *tfres.Block) (string, error) {
	if anyUnknownBlocks(b) {
		return "", errUnknownPolicy
	}
	merged := &policyDoc{}
	// source_json and override_json are the single-document forms older
	// provider versions had; they merge first and last.
	legacySource, hasSource, err := policyString(b, "source_json")
	if err != nil {
		return "", err
	}
	sources, err := policyList(b, "source_policy_documents")
	if err != nil {
		return "", err
	}
	if hasSource {
		sources = append([]string{legacySource}, sources...)
	}
	sids := map[string]bool{}
	for i, src := range sources {
		doc := &policyDoc{}
		if err := json.Unmarshal([]byte(src), doc); err != nil {
			return "", fmt.Errorf("source_policy_documents[%d]: %w", i, err)
		}
		for _, s := range doc.Statements {
			if s.Sid != "" {
				if sids[s.Sid] {
					return "", fmt.Errorf("duplicate Sid (%s) in source_policy_documents", s.Sid)
				}
				sids[s.Sid] = true
			}
		}
		merged.merge(doc)
	}
	doc := &policyDoc{Version: "2012-10-17"}
	if v, ok, err := policyString(b, "version"); err != nil {
		return "", err
	} else if ok {
		doc.Version = v
	}
	if v, ok, err := policyString(b, "policy_id"); err != nil {
		return "", err
	} else if ok {
		doc.ID = v
	}
	own := map[string]bool{}
	for _, sb := range b.Blocks("statement") {
		s, err := policyStatementOf(sb, doc.Version)
		if err != nil {
			return "", err
		}
		if s.Sid != "" {
			if own[s.Sid] {
				return "", fmt.Errorf("duplicate Sid (%s)", s.Sid)
			}
			own[s.Sid] = true
		}
		doc.Statements = append(doc.Statements, s)
	}
	merged.merge(doc)
	overrides, err := policyList(b, "override_policy_documents")
	if err != nil {
		return "", err
	}
	if legacy, ok, err := policyString(b, "override_json"); err != nil {
		return "", err
	} else if ok {
		overrides = append(overrides, legacy)
	}
	for i, src := range overrides {
		od := &policyDoc{}
		if err := json.Unmarshal([]byte(src), od); err != nil {
			return "", fmt.Errorf("override_policy_documents[%d]: %w", i, err)
		}
		merged.merge(od)
	}
	out, err := json.MarshalIndent(merged, "", "  ")
	if err != nil {
		return "", err
	}
	return string(out), nil
}

func policyStatementOf(b *tfres.Block, version string) (*policyStatement, error) {
	s := &policyStatement{Effect: "Allow"}
	if v, ok, err := policyString(b, "sid"); err != nil {
		return nil, err
	} else if ok {
		s.Sid = v
	}
	if v, ok, err := policyString(b, "effect"); err != nil {
		return nil, err
	} else if ok && v != "" {
		s.Effect = v
	}
	var err error
	if s.Actions, err = policySet(b, "actions", version, false); err != nil {
		return nil, err
	}
	if s.NotActions, err = policySet(b, "not_actions", version, false); err != nil {
		return nil, err
	}
	if s.Resources, err = policySet(b, "resources", version, true); err != nil {
		return nil, err
	}
	if s.NotResources, err = policySet(b, "not_resources", version, true); err != nil {
		return nil, err
	}
	if s.Principals, err = policyPrincipals(b, "principals", version); err != nil {
		return nil, err
	}
	if s.NotPrincipals, err = policyPrincipals(b, "not_principals", version); err != nil {
		return nil, err
	}
	for _, cb := range b.Blocks("condition") {
		test, _, err := policyString(cb, "test")
		if err != nil {
			return nil, err
		}
		variable, _, err := policyString(cb, "variable")
		if err != nil {
			return nil, err
		}
		vals, err := policyStrings(cb, "values")
		if err != nil {
			return nil, err
		}
		for i, v := range vals {
			vals[i] = policyVars(v, version)
		}
		c := condition{Test: test, Variable: variable, Values: vals}
		if len(vals) == 1 {
			c.Values = vals[0]
		}
		s.Conditions = append(s.Conditions, c)
	}
	return s, nil
}

func policyPrincipals(b *tfres.Block, typ, version string) (principalSet, error) {
	var out principalSet
	for _, pb := range b.Blocks(typ) {
		t, _, err := policyString(pb, "type")
		if err != nil {
			return nil, err
		}
		ids, err := policySet(pb, "identifiers", version, true)
		if err != nil {
			return nil, err
		}
		if ids == nil {
			ids = []string{}
		}
		out = append(out, principal{Type: t, Identifiers: ids})
	}
	return out, nil
}

// policyVars turns the &{...} escape into an IAM policy variable ${...},
// which Terraform's own interpolation would otherwise have consumed.
func policyVars(s, version string) string {
	if version == "2008-10-17" {
		return s
	}
	return strings.ReplaceAll(s, "&{", "${")
}

// policySet reads a set of strings the provider's way: nil when empty, the
// string itself when one, else the distinct strings in reverse order.
func policySet(b *tfres.Block, name, version string, vars bool) (any, error) {
	vals, err := policyStrings(b, name)
	if err != nil || len(vals) == 0 {
		return nil, err
	}
	slices.Sort(vals)
	vals = slices.Compact(vals)
	if vars {
		for i, v := range vals {
			vals[i] = policyVars(v, version)
		}
	}
	if len(vals) == 1 {
		return vals[0], nil
	}
	sort.Sort(sort.Reverse(sort.StringSlice(vals)))
	return vals, nil
}

// policyStrings reads a list or set of strings.
func policyStrings(b *tfres.Block, name string) ([]string, error) {
	a := b.Attr(name)
	if a == nil {
		return nil, nil
	}
	raw, _ := a.Value.UnmarkDeep()
	if !raw.IsWhollyKnown() {
		return nil, errUnknownPolicy
	}
	if raw.IsNull() {
		return nil, nil
	}
	if raw.Type() == cty.String {
		return []string{raw.AsString()}, nil
	}
	if !raw.CanIterateElements() {
		return nil, fmt.Errorf("%s must be a list of strings", name)
	}
	var out []string
	for it := raw.ElementIterator(); it.Next(); {
		_, v := it.Element()
		s, err := ctyString(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, s)
	}
	return out, nil
}

func policyString(b *tfres.Block, name string) (string, bool, error) {
	a := b.Attr(name)
	if a == nil {
		return "", false, nil
	}
	raw, _ := a.Value.UnmarkDeep()
	if !raw.IsWhollyKnown() {
		return "", false, errUnknownPolicy
	}
	s, err := ctyString(raw)
	if err != nil {
		return "", false, fmt.Errorf("%s: %w", name, err)
	}
	return s, true, nil
}

// policyList reads a list of JSON documents; null items are skipped.
func policyList(b *tfres.Block, name string) ([]string, error) {
	a := b.Attr(name)
	if a == nil {
		return nil, nil
	}
	raw, _ := a.Value.UnmarkDeep()
	if !raw.IsWhollyKnown() {
		return nil, errUnknownPolicy
	}
	if !raw.CanIterateElements() {
		return nil, fmt.Errorf("%s must be a list of strings", name)
	}
	var out []string
	for it := raw.ElementIterator(); it.Next(); {
		_, v := it.Element()
		if v.IsNull() {
			continue
		}
		s, err := ctyString(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, s)
	}
	return out, nil
}

// ctyString converts a known, unmarked primitive to its string form.
func ctyString(v cty.Value) (string, error) {
	if v.IsNull() {
		return "", errors.New("must not be null")
	}
	switch v.Type() {
	case cty.String:
		return v.AsString(), nil
	case cty.Number:
		return v.AsBigFloat().Text('f', -1), nil
	case cty.Bool:
		if v.True() {
			return "true", nil
		}
		return "false", nil
	}
	return "", fmt.Errorf("must be a string, not %s", v.Type().FriendlyName())
}
