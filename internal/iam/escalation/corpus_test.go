package escalation_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/iam/awsestate"
	"github.com/vigil-sec/vigil/internal/iam/escalation"
	"github.com/vigil-sec/vigil/internal/source/terraform"
	"github.com/vigil-sec/vigil/internal/source/tfaws"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// corpusDir holds the judging corpus: deliberately vulnerable IAM set-ups,
// decoys and lookalikes, one root module per estate, and the expectations
// for every user and role (see the file's header for its format).
const corpusDir = "testdata/corpus"

// corpusAccount is the account the corpus's literal ARNs name.
const corpusAccount = "111122223333"

// Verdicts of an expectation line.
const (
	verdictAdmin     = "admin"
	verdictEscalates = "escalates"
	verdictSafe      = "safe"
)

// expectation is one line of expectations.txt.
type expectation struct {
	line int
	// key is "<root>:<resource address>".
	key         string
	verdict     string
	conditional bool
	// techniques holds, for each edge of the path in order, the technique
	// IDs accepted there; nil accepts any.
	techniques [][]string
}

// TestCorpus runs the real pipeline (Terraform evaluation, the AWS adapter,
// the estate builder, the analysis) over every root module of the corpus
// and holds the result to expectations.txt: the admin-equivalent principals
// are exactly the "admin" lines, every "escalates" principal has a path
// with the techniques listed (certain, or conditional when the line says
// so), every "safe" principal has none, and every step of every path cites
// a statement that allows it.
func TestCorpus(t *testing.T) {
	want := readExpectations(t, filepath.Join(corpusDir, "expectations.txt"))
	known := map[string]bool{}
	for _, tq := range escalation.Techniques() {
		known[tq.ID] = true
	}
	for _, x := range want {
		for _, slot := range x.techniques {
			for _, id := range slot {
				if !known[id] {
					t.Errorf("expectations.txt:%d: %s expects technique %q, which the analysis does not know", x.line, x.key, id)
				}
			}
		}
	}

	got := analyzeCorpus(t)
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if _, ok := want[k]; !ok {
			t.Errorf("%s is in the corpus but not in expectations.txt", k)
		}
	}
	var wantAdmins, gotAdmins []string
	for k, x := range want {
		if x.verdict == verdictAdmin {
			wantAdmins = append(wantAdmins, k)
		}
		if p, ok := got[k]; ok && p.admin {
			gotAdmins = append(gotAdmins, k)
		}
	}
	slices.Sort(wantAdmins)
	slices.Sort(gotAdmins)
	if diff := cmp.Diff(wantAdmins, gotAdmins); diff != "" {
		t.Errorf("admin-equivalent principals (-want +got):\n%s", diff)
	}

	lines := make([]expectation, 0, len(want))
	for _, x := range want {
		lines = append(lines, x)
	}
	slices.SortFunc(lines, func(a, b expectation) int { return a.line - b.line })
	for _, x := range lines {
		t.Run(x.key, func(t *testing.T) {
			p, ok := got[x.key]
			if !ok {
				t.Fatalf("expectations.txt:%d: %s is not a user or role of the corpus", x.line, x.key)
			}
			if p.path != nil {
				checkCitations(t, p.path)
			}
			switch x.verdict {
			case verdictAdmin:
				if p.path != nil {
					t.Errorf("admin %s has an escalation path: %s", x.key, describe(p.path))
				}
			case verdictSafe:
				if p.path != nil {
					t.Errorf("safe %s has an escalation path: %s", x.key, describe(p.path))
				}
			case verdictEscalates:
				switch {
				case p.path == nil:
					t.Errorf("%s has no escalation path; want %s", x.key, wantPath(x))
				case p.path.Conditional != x.conditional:
					t.Errorf("%s path %s: conditional = %v, want %v", x.key, describe(p.path), p.path.Conditional, x.conditional)
				case !matches(x.techniques, p.path):
					t.Errorf("%s path %s; want %s", x.key, describe(p.path), wantPath(x))
				}
			}
		})
	}
}

// outcome is what the analysis says of one principal.
type outcome struct {
	admin bool
	path  *escalation.Path
}

// analyzeCorpus loads every root module of the corpus, builds one estate per
// root as a scan does, analyses it, and returns the outcome of every user
// and role by "<root>:<resource address>".
func analyzeCorpus(t *testing.T) map[string]outcome {
	t.Helper()
	ctx := context.Background()
	res, err := terraform.Load(ctx, os.DirFS(corpusDir), ".", terraform.Options{})
	if err != nil {
		t.Fatalf("load corpus: %v", err)
	}
	for _, d := range res.Diagnostics {
		t.Logf("corpus diagnostic: %s", d)
	}
	if res.Diagnostics.HasErrors() {
		t.Fatal("the corpus does not load without errors")
	}
	byRoot := map[string][]*tfres.Resource{}
	for _, r := range res.Resources {
		byRoot[r.Root] = append(byRoot[r.Root], r)
	}
	if len(byRoot) == 0 {
		t.Fatal("corpus has no root module")
	}
	out := map[string]outcome{}
	for root, rs := range byRoot {
		state := tfaws.Adapt(tfres.NewSet(rs))
		e := awsestate.Build(state, awsestate.Options{Account: corpusAccount})
		result, err := escalation.Analyze(ctx, e, escalation.Options{})
		if err != nil {
			t.Fatalf("analyze %s: %v", root, err)
		}
		for _, p := range e.Principals {
			if p.Type == iam.User || p.Type == iam.Role {
				out[root+":"+p.Resource.ID] = outcome{}
			}
		}
		for _, p := range result.Admins {
			key := root + ":" + p.Resource.ID
			o := out[key]
			o.admin = true
			out[key] = o
		}
		for i := range result.Paths {
			path := &result.Paths[i]
			key := root + ":" + path.Principal.Resource.ID
			o := out[key]
			if o.path != nil {
				t.Errorf("%s has two paths", key)
			}
			o.path = path
			out[key] = o
		}
	}
	return out
}

// checkCitations fails t for every step of path that cites no statement
// allowing it: in Decision.Allowed, or, for a step allowed only if its
// conditions hold, as the statement of a caveat the allow rests on.
func checkCitations(t *testing.T, path *escalation.Path) {
	t.Helper()
	if len(path.Edges) == 0 {
		t.Errorf("path of %s has no edge", path.Principal)
	}
	for i, e := range path.Edges {
		if len(e.Steps) == 0 {
			t.Errorf("edge %d (%s) has no step", i, e.Technique.ID)
		}
		for _, s := range e.Steps {
			if !citesAllow(s.Decision) {
				t.Errorf("edge %d (%s): step %s on %s cites no allowing statement", i, e.Technique.ID, s.Action, s.Resource)
			}
		}
	}
}

func citesAllow(d iam.Decision) bool {
	for _, ref := range d.Allowed {
		if ref.Statement().IsAllow() {
			return true
		}
	}
	if !d.Conditional {
		return false
	}
	for _, c := range d.Caveats {
		if !c.Unless && c.Statement().IsAllow() {
			return true
		}
	}
	return false
}

// matches reports whether the path's techniques are, in order, among those
// each slot accepts.
func matches(slots [][]string, path *escalation.Path) bool {
	if len(slots) != len(path.Edges) {
		return false
	}
	for i, slot := range slots {
		if slot != nil && !slices.Contains(slot, path.Edges[i].Technique.ID) {
			return false
		}
	}
	return true
}

// describe writes a path as "user/a -[sts-assume-role]-> role/b -[...]-> admin".
func describe(p *escalation.Path) string {
	var b strings.Builder
	b.WriteString(p.Principal.String())
	for _, e := range p.Edges {
		b.WriteString(" -[" + e.Technique.ID)
		if e.Conditional {
			b.WriteString(", conditional")
		}
		b.WriteString("]-> ")
		if e.To != nil {
			b.WriteString(e.To.String())
		} else {
			b.WriteString("admin")
		}
	}
	return b.String()
}

func wantPath(x expectation) string {
	var parts []string
	if x.conditional {
		parts = append(parts, "conditional")
	}
	for _, slot := range x.techniques {
		if slot == nil {
			parts = append(parts, "*")
		} else {
			parts = append(parts, strings.Join(slot, "|"))
		}
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// readExpectations parses the expectations file, failing t on a malformed
// or repeated line.
func readExpectations(t *testing.T, name string) map[string]expectation {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatalf("read expectations: %v", err)
	}
	defer f.Close()
	out := map[string]expectation{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(text)
		if len(fields) == 0 {
			continue
		}
		x, err := parseExpectation(fields)
		if err != "" {
			t.Fatalf("%s:%d: %s", name, line, err)
		}
		x.line = line
		if prev, dup := out[x.key]; dup {
			t.Fatalf("%s:%d: %s already expected on line %d", name, line, x.key, prev.line)
		}
		out[x.key] = x
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read expectations: %v", err)
	}
	return out
}

// parseExpectation parses the fields of one line; the error is "" when the
// line is well formed.
func parseExpectation(fields []string) (expectation, string) {
	x := expectation{key: fields[0]}
	if len(fields) < 2 {
		return x, "a line needs an address and a verdict"
	}
	if _, addr, ok := strings.Cut(x.key, ":"); !ok || addr == "" {
		return x, "address " + x.key + " does not name its root module (<root>:<address>)"
	}
	x.verdict = fields[1]
	rest := fields[2:]
	if len(rest) > 0 && rest[0] == "conditional" {
		x.conditional, rest = true, rest[1:]
	}
	for _, tok := range rest {
		if tok == "*" {
			x.techniques = append(x.techniques, nil)
		} else {
			x.techniques = append(x.techniques, strings.Split(tok, "|"))
		}
	}
	switch x.verdict {
	case verdictAdmin, verdictSafe:
		if x.conditional || len(x.techniques) > 0 {
			return x, x.verdict + " takes no techniques"
		}
	case verdictEscalates:
		if len(x.techniques) == 0 {
			return x, "escalates needs the path's techniques"
		}
	default:
		return x, "unknown verdict " + x.verdict
	}
	return x, ""
}

// TestParseExpectation holds the expectation line format to what the
// corpus's header documents.
func TestParseExpectation(t *testing.T) {
	tests := []struct {
		line string
		want expectation
		err  bool
	}{
		{line: "estate:aws_iam_user.a admin", want: expectation{key: "estate:aws_iam_user.a", verdict: verdictAdmin}},
		{line: "estate:aws_iam_user.a safe", want: expectation{key: "estate:aws_iam_user.a", verdict: verdictSafe}},
		{
			line: "estate:aws_iam_user.a escalates sts-assume-role iam-create-access-key",
			want: expectation{key: "estate:aws_iam_user.a", verdict: verdictEscalates,
				techniques: [][]string{{"sts-assume-role"}, {"iam-create-access-key"}}},
		},
		{
			line: "estate:aws_iam_user.a escalates conditional a|b *",
			want: expectation{key: "estate:aws_iam_user.a", verdict: verdictEscalates, conditional: true,
				techniques: [][]string{{"a", "b"}, nil}},
		},
		{line: "estate:aws_iam_user.a", err: true},
		{line: "aws_iam_user.a safe", err: true},
		{line: "estate:aws_iam_user.a escalates", err: true},
		{line: "estate:aws_iam_user.a escalates conditional", err: true},
		{line: "estate:aws_iam_user.a safe conditional", err: true},
		{line: "estate:aws_iam_user.a admin iam-put-user-policy", err: true},
		{line: "estate:aws_iam_user.a vulnerable", err: true},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got, err := parseExpectation(strings.Fields(tt.line))
			if (err != "") != tt.err {
				t.Fatalf("error = %q, want error: %v", err, tt.err)
			}
			if tt.err {
				return
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(expectation{})); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
