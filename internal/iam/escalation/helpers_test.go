package escalation

import (
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

const (
	acct  = "111111111111"
	other = "222222222222"
)

// fixture builds small estates for the tests.
type fixture struct {
	t *testing.T
	e *iam.Estate
}

func newFixture(t *testing.T) *fixture {
	return &fixture{t: t, e: &iam.Estate{Accounts: map[string]*iam.Account{acct: {ID: acct}, other: {ID: other}}}}
}

// doc parses a policy document given as its statements.
func (w *fixture) doc(stmts ...string) iammodel.Document {
	w.t.Helper()
	text := `{"Version":"2012-10-17","Statement":[` + strings.Join(stmts, ",") + `]}`
	d := iammodel.ParseDocument(model.Set(text, model.Origin{}))
	if d.Err != "" {
		w.t.Fatalf("bad test policy: %s\n%s", d.Err, text)
	}
	return d
}

// inline is an inline identity policy.
func (w *fixture) inline(stmts ...string) *iam.Policy {
	w.t.Helper()
	return iam.NewPolicy(iam.IdentityPolicy, "inline", w.doc(stmts...))
}

// managed is a customer managed policy of acct.
func (w *fixture) managed(name string, stmts ...string) *iam.Policy {
	w.t.Helper()
	p := iam.NewPolicy(iam.IdentityPolicy, name, w.doc(stmts...))
	p.ARN = "arn:aws:iam::" + acct + ":policy/" + name
	return p
}

func (w *fixture) adminPolicy() *iam.Policy {
	p := iam.NewPolicy(iam.IdentityPolicy, "AdministratorAccess", w.doc(allowStmt("*", "*")))
	p.ARN = "arn:aws:iam::aws:policy/AdministratorAccess"
	return p
}

func (w *fixture) user(account, name string, ps ...*iam.Policy) *iam.Principal {
	u := &iam.Principal{Type: iam.User, Account: account, Name: name, Path: "/", ARN: "arn:aws:iam::" + account + ":user/" + name, Policies: ps, TagsKnown: true, Complete: true}
	w.e.Add(u)
	return u
}

// role adds a role whose trust policy has the statements given.
func (w *fixture) role(account, name string, trust []string, ps ...*iam.Policy) *iam.Principal {
	w.t.Helper()
	r := &iam.Principal{Type: iam.Role, Account: account, Name: name, Path: "/", ARN: "arn:aws:iam::" + account + ":role/" + name, Policies: ps, TagsKnown: true, Complete: true}
	if trust != nil {
		r.Trust = iam.NewPolicy(iam.ResourcePolicy, "AssumeRolePolicyDocument", w.doc(trust...))
	}
	w.e.Add(r)
	return r
}

func (w *fixture) group(account, name string, ps ...*iam.Policy) *iam.Principal {
	g := &iam.Principal{Type: iam.Group, Account: account, Name: name, Path: "/", ARN: "arn:aws:iam::" + account + ":group/" + name, Policies: ps, TagsKnown: true, Complete: true}
	w.e.Add(g)
	return g
}

// joinGroup puts u in g, inheriting g's policies as awsestate does.
func joinGroup(u, g *iam.Principal) {
	u.Groups = append(u.Groups, g)
	g.Members = append(g.Members, u)
	for _, gp := range g.Policies {
		p := iam.NewPolicy(gp.Kind, gp.Name, gp.Document)
		p.ARN, p.Versions, p.Via = gp.ARN, gp.Versions, "group/"+g.Name
		u.Policies = append(u.Policies, p)
	}
}

func (w *fixture) workload(kind iam.WorkloadKind, arn string, r *iam.Principal) *iam.Workload {
	wl := &iam.Workload{Kind: kind, ARN: arn, Account: acct, Role: r}
	w.e.Workloads = append(w.e.Workloads, wl)
	return wl
}

// admin adds the administrator role "admin" trusting the statements given.
func (w *fixture) admin(trust ...string) *iam.Principal {
	return w.role(acct, "admin", trust, w.adminPolicy())
}

// allowStmt is an Allow statement on actions and resources (comma-separated).
func allowStmt(actions, resources string, extra ...string) string {
	return stmtJSON("Allow", actions, resources, extra...)
}

func denyStmt(actions, resources string, extra ...string) string {
	return stmtJSON("Deny", actions, resources, extra...)
}

func stmtJSON(effect, actions, resources string, extra ...string) string {
	s := `{"Effect":"` + effect + `","Action":` + jsonList(actions) + `,"Resource":` + jsonList(resources)
	for _, e := range extra {
		s += "," + e
	}
	return s + "}"
}

func jsonList(csv string) string {
	return `["` + strings.Join(strings.Split(csv, ","), `","`) + `"]`
}

// trustStmt is a trust statement letting principal (a JSON Principal value)
// assume the role.
func trustStmt(principal string, extra ...string) string {
	s := `{"Effect":"Allow","Principal":` + principal + `,"Action":"sts:AssumeRole"`
	for _, e := range extra {
		s += "," + e
	}
	return s + "}"
}

func serviceJSON(name string) string { return `{"Service":"` + name + `"}` }
func awsJSON(arn string) string      { return `{"AWS":"` + arn + `"}` }

func testUserARN(account, name string) string { return "arn:aws:iam::" + account + ":user/" + name }
func testRoleARN(account, name string) string { return "arn:aws:iam::" + account + ":role/" + name }
