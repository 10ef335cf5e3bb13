package iam

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/source/tfres"
	"github.com/zclconf/go-cty/cty"
)

// policyDocumentType is the data source most configurations write policies
// with; its json attribute is only known after it is read, so Document
// rebuilds the policy from the data source's own configuration.
const policyDocumentType = "aws_iam_policy_document"

// maxDocumentDepth bounds source_policy_documents chains (and cycles).
const maxDocumentDepth = 8

// Document returns the policy document held by the attribute name of b: a
// bucket policy, a key policy, a trust policy. It parses a known JSON text;
// when the text is unknown because it is read from an aws_iam_policy_document
// data source, it builds the document from that data source's statements,
// with iam.Unknown standing in for values resolved only at apply time. Any
// other unknown text written as a template or jsonencode call is parsed from
// its partial rendering, in which iam.Unknown stands for the parts resolved
// only at apply time (an ARN interpolated into a heredoc, say); the
// statements holding it are Partial. An absent attribute gives iam.Absent at
// b, an unresolvable one an unknown document.
//
// Every adapter of a resource policy uses it, so one policy is read one way.
func Document(set *tfres.Set, b *tfres.Block, name string) iam.Document {
	if !b.Has(name) && !b.Unknown() {
		return iam.Absent(b.Origin)
	}
	return document(set, b, name, 0)
}

func document(set *tfres.Set, b *tfres.Block, name string, depth int) iam.Document {
	text := b.String(name, "")
	ds := dataDocument(set, b.Refs(name))
	if text.Known() {
		d := iam.ParseDocument(text)
		restoreOrigins(d, ds)
		return d
	}
	if ds == nil {
		if partial, refs, ok := b.PartialText(name); ok {
			return iam.ParseDocument(model.Set(fillRefs(set, partial, refs), text.Origin))
		}
	}
	if ds == nil || depth >= maxDocumentDepth {
		return iam.ParseDocument(text)
	}
	built, ok := build(set, ds, depth+1)
	if !ok {
		return iam.ParseDocument(model.Unresolved[string](text.Origin))
	}
	return built.document(ds.Body.Origin)
}

// dataDocument returns the policy document data source whose rendered JSON
// the value is. The evaluator marks a data source's JSON with the refs of
// its inputs too (other documents it merges, ARNs it embeds), so a document
// that is an input of another candidate is passed over; a value built from
// several unrelated documents is none of them.
func dataDocument(set *tfres.Set, refs []tfres.Ref) *tfres.Resource {
	var candidates []*tfres.Resource
	for _, ref := range refs {
		if ref.Attr != "json" && ref.Attr != "minified_json" {
			continue
		}
		r := set.Get(ref.Address)
		if r != nil && r.Mode == tfres.Data && r.Type == policyDocumentType && !slices.Contains(candidates, r) {
			candidates = append(candidates, r)
		}
	}
	inputs := map[string]bool{}
	for _, c := range candidates {
		for _, attr := range []string{"source_policy_documents", "override_policy_documents"} {
			for _, ref := range c.Body.Refs(attr) {
				inputs[ref.Address] = true
			}
		}
	}
	var found *tfres.Resource
	for _, c := range candidates {
		if inputs[c.Address] {
			continue
		}
		if found != nil {
			return nil
		}
		found = c
	}
	return found
}

// restoreOrigins points the statements of a document rendered by the
// evaluator from data source ds at their statement blocks, when the
// rendering is one statement per block in order (no merged documents).
func restoreOrigins(d iam.Document, ds *tfres.Resource) {
	if ds == nil || ds.Body.Has("source_policy_documents") || ds.Body.Has("override_policy_documents") ||
		!ds.Body.BlocksKnown("statement") {
		return
	}
	blocks := ds.Body.Blocks("statement")
	if len(blocks) != len(d.Statements) {
		return
	}
	for i, sb := range blocks {
		d.Statements[i].Origin = sb.Origin
	}
}

// statement is one statement on its way to JSON, with what the JSON loses.
type statement struct {
	body   map[string]any
	sid    string
	origin model.Origin
}

// built is a policy document assembled from a data source.
type built struct {
	version, id string
	statements  []statement
}

// merge adds statements the way the data source does: a statement whose Sid
// is already present replaces it, any other is appended.
func (d *built) merge(sts []statement) {
	for _, st := range sts {
		i := -1
		if st.sid != "" {
			for j, have := range d.statements {
				if have.sid == st.sid {
					i = j
				}
			}
		}
		if i >= 0 {
			d.statements[i] = st
		} else {
			d.statements = append(d.statements, st)
		}
	}
}

// document renders d as JSON and parses it, so the result is the same model
// a JSON policy gives (statements holding iam.Unknown are Partial), then
// restores each statement's origin.
func (d *built) document(o model.Origin) iam.Document {
	doc := map[string]any{"Version": d.version}
	if d.id != "" {
		doc["Id"] = d.id
	}
	bodies := make([]map[string]any, len(d.statements))
	for i, st := range d.statements {
		bodies[i] = st.body
	}
	doc["Statement"] = bodies
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return iam.ParseDocument(model.Unresolved[string](o))
	}
	out := iam.ParseDocument(model.Set(strings.TrimSpace(buf.String()), o))
	if len(out.Statements) == len(d.statements) {
		for i, st := range d.statements {
			out.Statements[i].Origin = st.origin
		}
	}
	return out
}

// build assembles the document a policy document data source renders:
// source_policy_documents, then its own statements, then
// override_policy_documents. ok is false when its shape cannot be known (a
// dynamic statement block over an unknown collection, an unknown source
// document).
func build(set *tfres.Set, ds *tfres.Resource, depth int) (d built, ok bool) {
	body := ds.Body
	version, id := body.String("version", "2012-10-17"), body.String("policy_id", "")
	if !version.Known() || !id.Known() || !body.BlocksKnown("statement") {
		return d, false
	}
	d.version, d.id = version.Val(), id.Val()
	sources, ok := documentList(set, body, "source_policy_documents", depth)
	if !ok {
		return d, false
	}
	for _, src := range sources {
		d.merge(src)
	}
	var own []statement
	for _, sb := range body.Blocks("statement") {
		own = append(own, blockStatement(set, sb))
	}
	d.merge(own)
	overrides, ok := documentList(set, body, "override_policy_documents", depth)
	if !ok {
		return d, false
	}
	for _, ov := range overrides {
		d.merge(ov)
	}
	return d, true
}

// documentList reads a list of policy JSON texts, each of which may itself
// be another policy document data source.
func documentList(set *tfres.Set, b *tfres.Block, name string, depth int) ([][]statement, bool) {
	a := b.Attr(name)
	if a == nil {
		return nil, !b.Unknown()
	}
	items, ok := elements(a)
	if !ok {
		return nil, false
	}
	var out [][]statement
	for _, it := range items {
		if it.value.IsKnown() && !it.value.IsNull() && it.value.Type() == cty.String {
			sts, ok := jsonStatements(it.value.AsString(), a.Origin)
			if !ok {
				return nil, false
			}
			out = append(out, sts)
			continue
		}
		ds := dataDocument(set, it.refs)
		if ds == nil || depth >= maxDocumentDepth {
			return nil, false
		}
		sub, ok := build(set, ds, depth+1)
		if !ok {
			return nil, false
		}
		out = append(out, sub.statements)
	}
	return out, true
}

// jsonStatements splits a JSON policy text into statements.
func jsonStatements(text string, o model.Origin) ([]statement, bool) {
	var raw struct {
		Statement json.RawMessage `json:"Statement"`
	}
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		return nil, false
	}
	var bodies []map[string]any
	switch t := bytes.TrimSpace(raw.Statement); {
	case len(t) == 0 || string(t) == "null":
	case t[0] == '[':
		if err := json.Unmarshal(t, &bodies); err != nil {
			return nil, false
		}
	default:
		var one map[string]any
		if err := json.Unmarshal(t, &one); err != nil {
			return nil, false
		}
		bodies = append(bodies, one)
	}
	out := make([]statement, 0, len(bodies))
	for _, b := range bodies {
		sid, _ := b["Sid"].(string)
		out = append(out, statement{body: b, sid: sid, origin: o})
	}
	return out, true
}

// blockStatement renders one statement block of the data source.
func blockStatement(set *tfres.Set, sb *tfres.Block) statement {
	st := statement{body: map[string]any{}, origin: sb.Origin}
	str := func(name, def string) string {
		v := sb.String(name, def)
		if !v.Known() {
			return iam.Unknown
		}
		return v.Val()
	}
	st.sid = str("sid", "")
	if st.sid != "" {
		st.body["Sid"] = st.sid
	}
	st.body["Effect"] = str("effect", "Allow")
	for _, f := range []struct{ attr, key string }{
		{"actions", "Action"}, {"not_actions", "NotAction"},
		{"resources", "Resource"}, {"not_resources", "NotResource"},
	} {
		if vs := stringItems(set, sb, f.attr); len(vs) > 0 {
			st.body[f.key] = vs
		}
	}
	for _, f := range []struct{ block, key string }{{"principals", "Principal"}, {"not_principals", "NotPrincipal"}} {
		if p := principals(set, sb, f.block); p != nil {
			st.body[f.key] = p
		}
	}
	if c := conditions(set, sb); len(c) > 0 {
		st.body["Condition"] = c
	}
	return st
}

// fillRefs puts into a partial text what is known of the resource
// attributes its unknown parts stand for (refs has one entry per part).
func fillRefs(set *tfres.Set, text string, refs []tfres.Ref) string {
	if len(refs) == 0 {
		return text
	}
	var b strings.Builder
	for i := 0; ; i++ {
		before, after, found := strings.Cut(text, iam.Unknown)
		b.WriteString(before)
		if !found {
			return b.String()
		}
		part := iam.Unknown
		if i < len(refs) {
			if arn := refARN(set, refs[i]); arn != "" {
				part = arn
			}
		}
		b.WriteString(part)
		text = after
	}
}

// iamARNKinds maps IAM resource types to the resource part of their ARNs.
var iamARNKinds = map[string]string{
	"aws_iam_user":   "user",
	"aws_iam_role":   "role",
	"aws_iam_group":  "group",
	"aws_iam_policy": "policy",
}

// refARN renders what is known of an ARN read from another resource of the
// configuration, "" when nothing is: an IAM user, role, group or policy has
// a known name and path, and only its account waits for apply
// ("arn:aws:iam::${this-account}:role/app", iam.ThisAccount); an S3
// bucket's ARN follows from its name. Identity analysis then knows which
// principal a policy names.
func refARN(set *tfres.Set, ref tfres.Ref) string {
	if ref.Attr != "arn" {
		return ""
	}
	r := set.Get(ref.Address)
	if r == nil {
		return ""
	}
	if kind, ok := iamARNKinds[r.Type]; ok {
		name, path := r.Body.String("name", ""), r.Body.String("path", "/")
		if !name.Known() || name.Val() == "" || !path.Known() {
			return ""
		}
		return "arn:aws:iam::" + iam.ThisAccount + ":" + kind + path.Val() + name.Val()
	}
	if r.Type == "aws_s3_bucket" {
		if bucket := r.Body.String("bucket", ""); bucket.Known() && bucket.Val() != "" {
			return "arn:aws:s3:::" + bucket.Val()
		}
	}
	return ""
}

// stringItems reads a list attribute, standing iam.Unknown in for what cannot be
// resolved, and putting in what is known of an item that is partly known
// ("${aws_s3_bucket.b.arn}/*") or read from another resource's ARN.
func stringItems(set *tfres.Set, b *tfres.Block, name string) []string {
	l := b.StringList(name)
	if !l.Known() {
		return []string{iam.Unknown}
	}
	var partial []string
	if text, refs, ok := b.PartialText(name); ok && refs != nil {
		if json.Unmarshal([]byte(fillRefs(set, text, refs)), &partial) != nil || len(partial) != len(l.Items) {
			partial = nil
		}
	}
	out := make([]string, 0, len(l.Items))
	for i, it := range l.Items {
		if !it.Known() {
			item := iam.Unknown
			if partial != nil {
				item = strings.ReplaceAll(partial[i], "&{", "${")
			}
			out = append(out, item)
			continue
		}
		// The data source writes policy variables as &{...} so that
		// Terraform does not interpolate them.
		out = append(out, strings.ReplaceAll(it.Val(), "&{", "${"))
	}
	return out
}

// principals renders principals blocks as a Principal element: "*" for the
// wildcard type, otherwise a map of type to identifiers.
func principals(set *tfres.Set, sb *tfres.Block, typ string) any {
	blocks := sb.Blocks(typ)
	if !sb.BlocksKnown(typ) {
		return map[string]any{"AWS": []string{iam.Unknown}}
	}
	if len(blocks) == 0 {
		return nil
	}
	m := map[string][]string{}
	for _, pb := range blocks {
		t := pb.String("type", "")
		ids := stringItems(set, pb, "identifiers")
		if len(ids) == 1 && ids[0] == iam.Unknown {
			ids = []string{oidcProviderARN(set, pb)}
		}
		switch {
		case !t.Known():
			m["AWS"] = append(m["AWS"], iam.Unknown)
		case t.Val() == "*":
			return "*"
		default:
			m[t.Val()] = append(m[t.Val()], ids...)
		}
	}
	return m
}

// oidcProviderARN stands in for the unknown ARN of an OIDC provider defined
// in the same configuration: its issuer host is known from its url, and it
// is what trust policy checks need.
func oidcProviderARN(set *tfres.Set, pb *tfres.Block) string {
	refs := pb.Refs("identifiers")
	if len(refs) != 1 || refs[0].Attr != "arn" {
		return iam.Unknown
	}
	r := set.Get(refs[0].Address)
	if r == nil || r.Type != "aws_iam_openid_connect_provider" {
		return iam.Unknown
	}
	url := r.Body.String("url", "")
	if !url.Known() || url.Val() == "" {
		return iam.Unknown
	}
	host := strings.TrimPrefix(strings.TrimPrefix(url.Val(), "https://"), "http://")
	return "arn:aws:iam::" + iam.Unknown + ":oidc-provider/" + strings.TrimSuffix(host, "/")
}

// conditions renders condition blocks as a Condition element.
func conditions(set *tfres.Set, sb *tfres.Block) map[string]map[string][]string {
	if !sb.BlocksKnown("condition") {
		// An unknown condition may restrict the statement; its operator and
		// key are unknown, so it matches no condition a check asks for.
		return map[string]map[string][]string{iam.Unknown: {iam.Unknown: {iam.Unknown}}}
	}
	out := map[string]map[string][]string{}
	for _, cb := range sb.Blocks("condition") {
		test, key := cb.String("test", ""), cb.String("variable", "")
		t, k := iam.Unknown, iam.Unknown
		if test.Known() {
			t = test.Val()
		}
		if key.Known() {
			k = key.Val()
		}
		if out[t] == nil {
			out[t] = map[string][]string{}
		}
		out[t][k] = append(out[t][k], stringItems(set, cb, "values")...)
	}
	return out
}
