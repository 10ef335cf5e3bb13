package usage

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// DefaultCollapse is how many objects of one S3 bucket (or log streams of
// one log group) an action may name before the policy names them by a
// prefix instead.
const DefaultCollapse = 10

// PolicyOptions shapes a generated policy.
type PolicyOptions struct {
	// Collapse is how many objects of one bucket, or streams of one log
	// group, an action lists before they collapse into a prefix pattern
	// ("arn:aws:s3:::bucket/reports/*"); 0 means DefaultCollapse and a
	// negative value never collapses.
	Collapse int
}

// Policy is a least-privilege identity policy written from usage.
type Policy struct {
	// Statements are Allow statements, one per service and resource set,
	// ordered by service.
	Statements []Statement
	// Wildcards lists the actions allowed on "*" and why.
	Wildcards []WildcardAction
}

// Statement is one Allow statement.
type Statement struct {
	Sid       string
	Actions   []string // sorted in catalogue order
	Resources []string // sorted; ["*"] for actions whose resources are not known
}

// WildcardAction is an action a policy allows on "*".
type WildcardAction struct {
	Action string
	Why    Wildcard
	// Calls and Underived count the action's calls and those whose
	// resource the log does not name.
	Calls, Underived int
}

// Policy writes the minimal identity policy that allows what the principal
// did: its allowed actions (denied attempts are not granted), on the
// resources the log names, grouped by service. It is deterministic.
func (u *Usage) Policy(opts PolicyOptions) *Policy {
	limit := opts.Collapse
	if limit == 0 {
		limit = DefaultCollapse
	}
	type group struct {
		service   string
		resources []string
		types     []string
		actions   []*ActionUse
	}
	var groups []*group
	index := map[string]*group{}
	p := &Policy{}
	for _, a := range u.Actions {
		var resources, types []string
		if w := a.Wildcard(); w != NotWildcard {
			resources = []string{"*"}
			p.Wildcards = append(p.Wildcards, WildcardAction{Action: a.Action.String(), Why: w, Calls: a.Calls, Underived: a.Underived})
		} else {
			resources, types = collapse(a.Resources, limit)
		}
		key := a.Action.Service + "\x00" + strings.Join(resources, "\x00")
		g := index[key]
		if g == nil {
			g = &group{service: a.Action.Service, resources: resources}
			index[key] = g
			groups = append(groups, g)
		}
		g.types = append(g.types, types...)
		g.actions = append(g.actions, a)
	}
	slices.SortStableFunc(groups, func(a, b *group) int {
		return cmp.Or(cmp.Compare(a.service, b.service), slices.Compare(a.resources, b.resources))
	})
	sids := map[string]int{}
	for _, g := range groups {
		s := Statement{Resources: g.resources}
		for _, a := range g.actions {
			s.Actions = append(s.Actions, a.Action.String())
		}
		slices.Sort(g.types)
		sid := camel(g.service)
		for _, t := range slices.Compact(g.types) {
			sid += camel(t)
		}
		if n := sids[sid]; n > 0 {
			s.Sid = sid + strconv.Itoa(n+1)
		} else {
			s.Sid = sid
		}
		sids[sid]++
		p.Statements = append(p.Statements, s)
	}
	return p
}

// collapse returns the ARNs a statement names for an action's resources,
// sorted, with the resource type names they are of. Past limit, the
// objects of one bucket become their longest common key prefix ending in
// '/' plus "*", and the streams of one log group become
// "log-stream:*"; ARNs a pattern of the set covers are dropped.
func collapse(rs []ResourceUse, limit int) (arns, types []string) {
	type bucket struct {
		prefix string
		keys   []string
	}
	var parents []*bucket
	byParent := map[string]*bucket{}
	for _, r := range rs {
		types = append(types, r.Type.Name)
		parent, rest, ok := collapsible(r)
		if !ok || limit < 0 {
			arns = append(arns, r.ARN)
			continue
		}
		b := byParent[parent]
		if b == nil {
			b = &bucket{prefix: parent}
			byParent[parent] = b
			parents = append(parents, b)
		}
		b.keys = append(b.keys, rest)
	}
	for _, b := range parents {
		if len(b.keys) <= limit {
			for _, k := range b.keys {
				arns = append(arns, b.prefix+k)
			}
			continue
		}
		common := b.keys[0]
		for _, k := range b.keys[1:] {
			common = common[:commonPrefix(common, k)]
		}
		if strings.HasSuffix(b.prefix, ":log-stream:") {
			common = ""
		}
		// Cut at a '/': a "folder" of keys, and never inside an escape
		// such as "${*}", which holds no '/'.
		common = common[:strings.LastIndexByte(common, '/')+1]
		arns = append(arns, b.prefix+common+"*")
	}
	slices.Sort(arns)
	arns = slices.Compact(arns)
	var patterns []string
	for _, a := range arns {
		if strings.HasSuffix(a, "*") {
			patterns = append(patterns, a[:len(a)-1])
		}
	}
	arns = slices.DeleteFunc(arns, func(a string) bool {
		for _, p := range patterns {
			if a != p+"*" && strings.HasPrefix(a, p) {
				return true
			}
		}
		return false
	})
	return arns, types
}

// collapsible splits an S3 object ARN into bucket and key, or a log-stream
// ARN into group and stream.
func collapsible(r ResourceUse) (parent, rest string, ok bool) {
	switch {
	case r.Type.Service == "s3" && r.Type.Name == "object":
		i := strings.Index(r.ARN, ":::")
		if i < 0 {
			return "", "", false
		}
		j := strings.IndexByte(r.ARN[i+3:], '/')
		if j < 0 {
			return "", "", false
		}
		cut := i + 3 + j + 1
		return r.ARN[:cut], r.ARN[cut:], true
	case r.Type.Service == "logs" && r.Type.Name == "log-stream":
		i := strings.Index(r.ARN, ":log-stream:")
		if i < 0 {
			return "", "", false
		}
		cut := i + len(":log-stream:")
		return r.ARN[:cut], r.ARN[cut:], true
	}
	return "", "", false
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// camel turns a service prefix or resource type name into a Sid part:
// "execute-api" gives "ExecuteApi", "stateMachine" "StateMachine".
func camel(s string) string {
	var b strings.Builder
	up := true
	for _, c := range []byte(s) {
		switch {
		case c >= 'a' && c <= 'z':
			if up {
				c -= 'a' - 'A'
			}
			b.WriteByte(c)
			up = false
		case c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
			b.WriteByte(c)
			up = false
		default:
			up = true
		}
	}
	return b.String()
}

// policyJSON is the document's JSON shape, in the order AWS writes it.
type policyJSON struct {
	Version   string          `json:"Version"`
	Statement []statementJSON `json:"Statement"`
}

type statementJSON struct {
	Sid      string   `json:"Sid"`
	Effect   string   `json:"Effect"`
	Action   []string `json:"Action"`
	Resource []string `json:"Resource"`
}

// JSON renders the policy document, indented.
func (p *Policy) JSON() []byte {
	doc := policyJSON{Version: "2012-10-17", Statement: make([]statementJSON, 0, len(p.Statements))}
	for _, s := range p.Statements {
		doc.Statement = append(doc.Statement, statementJSON{Sid: s.Sid, Effect: "Allow", Action: s.Actions, Resource: s.Resources})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		panic("usage: encode policy: " + err.Error()) // strings and slices always encode
	}
	return b.Bytes()
}

// Size returns the document's size as IAM counts it against its quotas
// (6,144 characters for a managed policy): without whitespace.
func (p *Policy) Size() int {
	var b bytes.Buffer
	if err := json.Compact(&b, p.JSON()); err != nil {
		panic("usage: compact policy: " + err.Error())
	}
	return b.Len()
}
