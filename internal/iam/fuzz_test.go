package iam

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

const (
	fuzzAcctA = "111111111111"
	fuzzAcctB = "222222222222"
)

// fuzzSeeds are documents and requests of TestEvaluate's cases: identity
// policy, permissions boundary, resource-based policy (also the role's
// trust policy and an RCP), action and resource.
var fuzzSeeds = [][5]string{
	{allowDoc(`"Action":"s3:GetObject","Resource":"arn:aws:s3:::data/report.csv"`), "", "", "s3:GetObject", "arn:aws:s3:::data/report.csv"},
	{allowDoc(`"Action":"S3:Get*","Resource":"arn:aws:s3:::data/*"`), "", "", "s3:getobject", "arn:aws:s3:::data/report.csv"},
	{`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::data/*"}]}`, "", "", "s3:GetObject", "arn:aws:s3:::data/report.csv"},
	{allowDoc(`"Action":"*","Resource":"*"`), "", `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"}]}`, "s3:GetObject", "arn:aws:s3:::data/report.csv"},
	{allowDoc(`"NotAction":["iam:*","organizations:*"],"Resource":"*"`), "", "", "iam:CreateUser", "arn:aws:iam::" + fuzzAcctA + ":user/x"},
	{`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","NotAction":"s3:*","Resource":"*"}]}`, "", "", "iam:CreateUser", "*"},
	{allowDoc(`"Action":"s3:*","NotResource":"arn:aws:s3:::data/*"`), "", "", "s3:GetObject", "arn:aws:s3:::data/report.csv"},
	{allowDoc(`"Action":"*","Resource":"*"`), allowDoc(`"Action":"ec2:*","Resource":"*"`), "", "s3:GetObject", "arn:aws:s3:::data/report.csv"},
	{"", allowDoc(`"Action":"ec2:*","Resource":"*"`), `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::` + fuzzAcctA + `:user/alice"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"}]}`, "s3:GetObject", "arn:aws:s3:::data/report.csv"},
	{allowDoc(`"Action":"sts:AssumeRole","Resource":"*"`), "", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"` + fuzzAcctA + `"},"Action":"sts:AssumeRole"}]}`, "sts:AssumeRole", "arn:aws:iam::" + fuzzAcctA + ":role/app"},
	{"", "", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`, "sts:AssumeRole", "arn:aws:iam::" + fuzzAcctA + ":role/app"},
	{allowDoc(`"Action":"kms:Decrypt","Resource":"*"`), "", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::` + fuzzAcctA + `:root"},"Action":"kms:*","Resource":"*"}]}`, "kms:Decrypt", "arn:aws:kms:us-east-1:" + fuzzAcctA + ":key/1234"},
	{allowDoc(`"Action":"s3:*","Resource":"*"`), "", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"` + fuzzAcctB + `"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"}]}`, "s3:GetObject", "arn:aws:s3:::data/report.csv"},
	{allowDoc(`"Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}`), "", "", "s3:GetObject", "arn:aws:s3:::data/report.csv"},
	{allowDoc(`"Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"}}`), "", "", "s3:GetObject", "arn:aws:s3:::data/report.csv"},
	{allowDoc(`"Action":"*","Resource":"*"`), "", `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalAccount":"` + fuzzAcctB + `"}}}]}`, "s3:GetObject", "arn:aws:s3:::data/report.csv"},
	{allowDoc(`"Action":"s3:GetObject","Resource":"arn:aws:s3:::home/${aws:username}/*"`), "", "", "s3:GetObject", "arn:aws:s3:::home/alice/notes.txt"},
	{`{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::home/${aws:username}/*"}]}`, "", "", "s3:GetObject", "arn:aws:s3:::home/alice/notes.txt"},
	{allowDoc(`"Action":"s3:*","Resource":"*"`), "", `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::` + fuzzAcctA + `:user/alice"},"Action":"s3:*","Resource":"*"}]}`, "s3:GetObject", "arn:aws:s3:::data/report.csv"},
	{`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"` + iammodel.Unknown + `","Resource":"*"}]}`, "", "", "s3:GetObject", "arn:aws:s3:::data/report.csv"},
	{allowDoc(`"Action":"s3:GetObject","Resource":"` + iammodel.Unknown + `/*"`), "", "", "s3:GetObject", "arn:aws:s3:::data/report.csv"},
	{allowDoc(`"Action":"sqs:SendMessage","Resource":"*"`), "", "", "sqs:SendMessage", "arn:aws:sqs:eu-west-1:" + fuzzAcctB + ":queue"},
	{allowDoc(`"Action":["*:Get*","iam:*Policy*","s3?Get*"],"Resource":"*"`), "", "", "\u212Ams:GetKeyPolicy", "*"},
}

func allowDoc(body string) string {
	return `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` + body + `}]}`
}

// FuzzEvaluate evaluates requests against fuzzed identity, boundary and
// resource-based policies (the resource's policy, the role's trust policy,
// an RCP, and the boundary again as an SCP) and checks what must hold
// whatever the documents say: no panic; the same decision twice (the
// second from warm caches); a denial names its statement, an allow its
// statements (a conditional one its caveats); an explicit Deny of
// everything in the identity policies denies everything; a statement's
// catalogue action set agrees with matching its patterns one by one; and
// Allows and IsAdmin agree with Evaluate.
func FuzzEvaluate(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1], s[2], s[3], s[4])
	}
	f.Fuzz(func(t *testing.T, identity, boundary, resourcePolicy, action, resource string) {
		parse := func(kind PolicyKind, text string) *Policy {
			return NewPolicy(kind, "fuzz", iammodel.ParseDocument(model.Set(text, model.Origin{})))
		}
		id := parse(IdentityPolicy, identity)
		var bound *Policy
		if boundary != "" {
			bound = parse(BoundaryPolicy, boundary)
		}
		var rp *Policy
		if resourcePolicy != "" {
			rp = parse(ResourcePolicy, resourcePolicy)
		}
		denyAll := parse(IdentityPolicy, `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}`)
		newPrincipal := func(typ PrincipalType, acct, name string, ps ...*Policy) *Principal {
			kind := map[PrincipalType]string{User: "user", Role: "role"}[typ]
			return &Principal{
				Type: typ, Account: acct, Name: name, Path: "/", ARN: "arn:aws:iam::" + acct + ":" + kind + "/" + name,
				Policies: ps, Boundary: bound, Trust: rp, Tags: map[string]string{"team": "data"}, TagsKnown: true, Complete: true,
			}
		}
		alice := newPrincipal(User, fuzzAcctA, "alice", id)
		app := newPrincipal(Role, fuzzAcctA, "app", id)
		bob := newPrincipal(User, fuzzAcctB, "bob", id)
		e := &Estate{Accounts: map[string]*Account{fuzzAcctA: {ID: fuzzAcctA, OrgID: "o-fuzz"}, fuzzAcctB: {ID: fuzzAcctB}}}
		if bound != nil || rp != nil {
			lvl := OrgLevel{Name: "root", SCPs: []*Policy{bound}, RCPs: []*Policy{rp}}
			if bound == nil {
				lvl.SCPs = nil
			}
			if rp == nil {
				lvl.RCPs = nil
			}
			e.Accounts[fuzzAcctB].Levels = []OrgLevel{lvl}
		}
		e.Add(alice, app, bob)
		if resource != "" && resource != "*" && resource != app.ARN {
			e.AddResource(&Resource{ARN: resource, Type: "aws_s3_bucket", Policy: rp, Tags: map[string]string{"env": "dev"}})
		}
		callers := []*Principal{alice, app, bob, {Type: Service, ARN: "lambda.amazonaws.com"}}
		for _, p := range callers {
			r := Request{Principal: p, Action: action, Resource: resource}
			d := e.Evaluate(r)
			if again := e.Evaluate(r); !reflect.DeepEqual(d, again) {
				t.Fatalf("%s: two evaluations differ:\n%+v\n%+v", p, d, again)
			}
			checkDecision(t, p, d)
			if d.Effect == Allow && p.Type != Root {
				for _, ref := range d.Allowed {
					if ref.Index >= 0 && ref.Policy == id && !e.Allows(p, action) {
						t.Fatalf("%s: %s allowed by its identity policy, but Allows says no", p, action)
					}
				}
			}
			if p.Type == User || p.Type == Role {
				r.Principal = newPrincipal(p.Type, p.Account, p.Name, id, denyAll)
				if d := e.Evaluate(r); d.Effect != ExplicitDeny {
					t.Fatalf("%s: with a Deny of everything: %v (%s)", p, d.Effect, d.Reason)
				}
			}
			// RCPs are not part of admin-equivalence, so only account A,
			// which has none, is checked.
			if p.Account == fuzzAcctA && e.cat().Action(action) != nil && e.IsAdmin(p) {
				if d := e.Evaluate(Request{Principal: p, Action: action, Resource: "*"}); !d.Certain() {
					t.Fatalf("%s is admin-equivalent, but %s on *: %v conditional %v (%s)", p, action, d.Effect, d.Conditional, d.Reason)
				}
			}
		}
		for _, pol := range []*Policy{id, bound, rp} {
			if pol != nil {
				checkActionSets(t, e, pol, action)
			}
		}
	})
}

// checkDecision checks what every decision must hold.
func checkDecision(t *testing.T, p *Principal, d Decision) {
	t.Helper()
	switch {
	case d.Reason == "":
		t.Fatalf("%s: decision without a reason: %+v", p, d)
	case d.Effect == ExplicitDeny && len(d.Denied) == 0:
		t.Fatalf("%s: explicit deny without the denying statement", p)
	case d.Effect == Allow && len(d.Allowed) == 0 && p.Type != Root:
		t.Fatalf("%s: allow without a statement that grants it", p)
	case d.Effect != Allow && (d.Conditional || len(d.Allowed) > 0 || len(d.Caveats) > 0):
		t.Fatalf("%s: %v with what only an allow has: %+v", p, d.Effect, d)
	case d.Conditional && len(d.Caveats) == 0:
		t.Fatalf("%s: conditional decision without caveats", p)
	case !d.Conditional && len(d.Caveats) > 0:
		t.Fatalf("%s: certain decision with caveats: %+v", p, d.Caveats)
	}
}

// checkActionSets checks that each statement covers the same actions by
// its catalogue set as by matching its patterns: the fuzzed action, every
// action of the services its patterns name, and a spread of the rest.
func checkActionSets(t *testing.T, e *Estate, pol *Policy, action string) {
	t.Helper()
	c := e.cat()
	actions := c.Actions()
	var common []int
	if a := c.Action(strings.ToLower(action)); a != nil {
		common = append(common, a.ID)
	}
	for id := 0; id < len(actions); id += 97 {
		common = append(common, id)
	}
	for i := range pol.stmts {
		s := &pol.stmts[i]
		e.covered(s) // the set, which requests compute only once they are many
		ids := slices.Clip(common)
		for _, p := range s.actions[:min(len(s.actions), 4)] {
			prefix, _, _ := strings.Cut(p, ":")
			if svc := c.Service(prefix); svc != nil {
				for _, a := range svc.Actions {
					ids = append(ids, a.ID)
				}
			}
		}
		for _, id := range ids {
			name := strings.ToLower(actions[id].String())
			bySet := s.coversAction(&query{e: e, id: id})
			byPattern := s.coversAction(&query{e: e, id: -1, action: name})
			if bySet != byPattern {
				t.Fatalf("statement %d (actions %q, not %v) on %s: set says %v, patterns %v", s.index, s.actions, s.notAction, name, bySet, byPattern)
			}
		}
	}
}
