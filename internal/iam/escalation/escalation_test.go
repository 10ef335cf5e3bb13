package escalation

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/iam/iamgen"
)

// TestDecoys are estates that look like escalation and are not: the
// attacker must have no path at all, certain or conditional.
func TestDecoys(t *testing.T) {
	self := testUserARN(acct, "attacker")
	boss := testUserARN(acct, "boss")
	lambdaTrust := trustStmt(serviceJSON("lambda.amazonaws.com"))
	cases := []struct {
		name  string
		build func(f *fixture) *iam.Principal
	}{
		{"attach only ReadOnlyAccess", func(f *fixture) *iam.Principal {
			return f.user(acct, "attacker", f.inline(allowStmt("iam:AttachUserPolicy", self,
				`"Condition":{"ArnEquals":{"iam:PolicyARN":"arn:aws:iam::aws:policy/ReadOnlyAccess"}}`)))
		}},
		{"keys of one's own only", func(f *fixture) *iam.Principal {
			f.user(acct, "boss", f.adminPolicy())
			return f.user(acct, "attacker", f.inline(allowStmt("iam:CreateAccessKey", "arn:aws:iam::"+acct+":user/${aws:username}")))
		}},
		{"keys of a read-only user", func(f *fixture) *iam.Principal {
			f.user(acct, "boss", f.adminPolicy())
			f.user(acct, "intern", f.inline(allowStmt("s3:GetObject", "*")))
			return f.user(acct, "attacker", f.inline(allowStmt("iam:CreateAccessKey", testUserARN(acct, "intern"))))
		}},
		{"resource scoped to another user", func(f *fixture) *iam.Principal {
			f.user(acct, "bob")
			return f.user(acct, "attacker", f.inline(allowStmt("iam:AttachUserPolicy,iam:PutUserPolicy", testUserARN(acct, "bob"))))
		}},
		{"PassRole limited to another role", func(f *fixture) *iam.Principal {
			f.admin(lambdaTrust)
			f.role(acct, "basic", []string{lambdaTrust}, f.inline(allowStmt("logs:PutLogEvents", "*")))
			return f.user(acct, "attacker", f.inline(allowStmt("iam:PassRole", testRoleARN(acct, "basic")),
				allowStmt("lambda:CreateFunction,lambda:InvokeFunction", "*")))
		}},
		{"trust does not allow the service", func(f *fixture) *iam.Principal {
			f.admin(trustStmt(serviceJSON("ec2.amazonaws.com")))
			return f.user(acct, "attacker", f.inline(allowStmt("iam:PassRole,lambda:CreateFunction,lambda:InvokeFunction", "*")))
		}},
		{"PassRole only to EC2", func(f *fixture) *iam.Principal {
			f.admin(lambdaTrust)
			return f.user(acct, "attacker", f.inline(
				allowStmt("iam:PassRole", "*", `"Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}`),
				allowStmt("lambda:CreateFunction,lambda:InvokeFunction", "*")))
		}},
		{"NotAction leaves out PassRole", func(f *fixture) *iam.Principal {
			f.admin(lambdaTrust)
			return f.user(acct, "attacker", f.inline(`{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}`))
		}},
		{"explicit deny", func(f *fixture) *iam.Principal {
			f.user(acct, "boss", f.adminPolicy())
			return f.user(acct, "attacker", f.inline(allowStmt("iam:CreateAccessKey", boss)), f.inline(denyStmt("iam:CreateAccessKey", "*")))
		}},
		{"boundary", func(f *fixture) *iam.Principal {
			f.user(acct, "boss", f.adminPolicy())
			u := f.user(acct, "attacker", f.inline(allowStmt("iam:CreateAccessKey", boss)))
			u.Boundary = iam.NewPolicy(iam.BoundaryPolicy, "s3-only", f.doc(allowStmt("s3:*", "*")))
			return u
		}},
		{"admin with a Deny nothing may remove", func(f *fixture) *iam.Principal {
			return f.user(acct, "attacker", f.adminPolicy(), f.managed("deny-all", denyStmt("*", "*")))
		}},
		{"guardrail that cannot be detached", func(f *fixture) *iam.Principal {
			return f.user(acct, "attacker", f.adminPolicy(), f.managed("guardrail",
				`{"Effect":"Deny","NotAction":["iam:PutUserPolicy","iam:Get*","iam:List*"],"Resource":"*"}`))
		}},
		{"trust names the account, no identity allow", func(f *fixture) *iam.Principal {
			f.admin(trustStmt(awsJSON("arn:aws:iam::" + acct + ":root")))
			return f.user(acct, "attacker")
		}},
		{"cross-account trust without identity allow", func(f *fixture) *iam.Principal {
			f.admin(trustStmt(awsJSON(testUserARN(other, "attacker"))))
			return f.user(other, "attacker")
		}},
		{"trust naming an unresolved principal", func(f *fixture) *iam.Principal {
			f.admin(trustStmt(awsJSON("arn:aws:iam::" + acct + ":user/${unknown}")))
			return f.user(acct, "attacker", f.inline(allowStmt("sts:AssumeRole", "*")))
		}},
		{"another function's code", func(f *fixture) *iam.Principal {
			f.workload(iam.LambdaFunction, workloadARNs[iam.LambdaFunction], f.admin(lambdaTrust))
			return f.user(acct, "attacker", f.inline(allowStmt("lambda:UpdateFunctionCode,lambda:InvokeFunction",
				"arn:aws:lambda:us-east-1:"+acct+":function:thumbnailer")))
		}},
		{"tags no policy looks at", func(f *fixture) *iam.Principal {
			return f.user(acct, "attacker", f.inline(allowStmt("iam:TagUser,iam:UntagUser", self), allowStmt("s3:GetObject", "*")))
		}},
		{"attach to a role one cannot become", func(f *fixture) *iam.Principal {
			f.role(acct, "report-runner", []string{trustStmt(serviceJSON("glue.amazonaws.com"))})
			return f.user(acct, "attacker", f.inline(allowStmt("iam:AttachRolePolicy", testRoleARN(acct, "report-runner"))))
		}},
		{"SCP denies the step", func(f *fixture) *iam.Principal {
			f.e.Accounts[acct].Levels = []iam.OrgLevel{{Name: "Root", SCPs: []*iam.Policy{
				iam.NewPolicy(iam.SCP, "guard", f.doc(allowStmt("*", "*"), denyStmt("iam:CreateAccessKey", "*"))),
			}}}
			f.user(acct, "boss", f.adminPolicy())
			return f.user(acct, "attacker", f.inline(allowStmt("iam:CreateAccessKey", boss)))
		}},
		{"keys across accounts", func(f *fixture) *iam.Principal {
			f.user(acct, "boss", f.adminPolicy())
			return f.user(other, "attacker", f.inline(allowStmt("iam:CreateAccessKey", "*")))
		}},
		{"a non-default version that grants no more", func(f *fixture) *iam.Principal {
			p := f.managed("dev", allowStmt("iam:SetDefaultPolicyVersion", "arn:aws:iam::"+acct+":policy/dev"))
			p.Versions = append(p.Versions, f.doc(allowStmt("s3:GetObject", "*")))
			return f.user(acct, "attacker", p)
		}},
		{"a group that is not admin", func(f *fixture) *iam.Principal {
			f.group(acct, "readers", f.inline(allowStmt("s3:GetObject", "*")))
			return f.user(acct, "attacker", f.inline(allowStmt("iam:AddUserToGroup", "*")))
		}},
		{"session tags the trust does not allow", func(f *fixture) *iam.Principal {
			f.role(acct, "abac", []string{trustStmt(awsJSON(self))},
				f.inline(allowStmt("*", "*", `"Condition":{"StringEquals":{"aws:PrincipalTag/team":"admins"}}`)))
			return f.user(acct, "attacker", f.inline(allowStmt("sts:TagSession", "*")))
		}},
		{"a service-linked role", func(f *fixture) *iam.Principal {
			r := f.admin(lambdaTrust)
			r.ServiceLinked = true
			return f.user(acct, "attacker", f.inline(allowStmt("iam:PassRole,lambda:CreateFunction,lambda:InvokeFunction", "*")))
		}},
		{"role in no instance profile", func(f *fixture) *iam.Principal {
			f.admin(trustStmt(serviceJSON("ec2.amazonaws.com")))
			return f.user(acct, "attacker", f.inline(allowStmt("iam:PassRole,ec2:RunInstances,ec2:AssociateIamInstanceProfile", "*")))
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			attacker := c.build(f)
			res, err := Analyze(context.Background(), f.e, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if path, ok := pathOf(res, attacker); ok {
				t.Errorf("found %v (conditional %v), want no path", techniqueIDs(path), path.Conditional)
			}
			if slices.Contains(res.Admins, attacker) {
				t.Errorf("attacker is admin")
			}
		})
	}
}

// TestPaths checks paths of several edges, across accounts, and which path
// is preferred.
func TestPaths(t *testing.T) {
	self := testUserARN(acct, "attacker")
	mfa := `"Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}`
	cases := []struct {
		name        string
		build       func(f *fixture) *iam.Principal
		want        []string
		conditional bool
		admin       string // ARN of the admin reached, "" for a self-grant
	}{
		{name: "assume a role that creates a key", want: []string{"sts-assume-role", "iam-create-access-key"}, admin: testUserARN(acct, "boss"),
			build: func(f *fixture) *iam.Principal {
				f.user(acct, "boss", f.adminPolicy())
				f.role(acct, "keymaker", []string{trustStmt(awsJSON(self))}, f.inline(allowStmt("iam:CreateAccessKey", testUserARN(acct, "boss"))))
				return f.user(acct, "attacker")
			}},
		{name: "cross-account role chain", want: []string{"sts-assume-role", "sts-assume-role"}, admin: testRoleARN(acct, "admin"),
			build: func(f *fixture) *iam.Principal {
				f.admin(trustStmt(awsJSON(testRoleARN(other, "bridge"))))
				f.role(other, "bridge", []string{trustStmt(awsJSON("arn:aws:iam::" + other + ":root"))}, f.inline(allowStmt("sts:AssumeRole", testRoleARN(acct, "admin"))))
				return f.user(other, "attacker", f.inline(allowStmt("sts:AssumeRole", testRoleARN(other, "bridge"))))
			}},
		{name: "only under MFA", want: []string{"sts-assume-role"}, conditional: true, admin: testRoleARN(acct, "admin"),
			build: func(f *fixture) *iam.Principal {
				f.admin(trustStmt(awsJSON(self), mfa))
				return f.user(acct, "attacker")
			}},
		{name: "a longer certain path beats a shorter conditional one", want: []string{"sts-assume-role", "iam-create-access-key"}, admin: testUserARN(acct, "boss"),
			build: func(f *fixture) *iam.Principal {
				f.admin(trustStmt(awsJSON(self), mfa))
				f.user(acct, "boss", f.adminPolicy())
				f.role(acct, "keymaker", []string{trustStmt(awsJSON(self))}, f.inline(allowStmt("iam:CreateAccessKey", testUserARN(acct, "boss"))))
				return f.user(acct, "attacker")
			}},
		{name: "conditional step through a Deny that may apply", want: []string{"iam-create-access-key"}, conditional: true, admin: testUserARN(acct, "boss"),
			build: func(f *fixture) *iam.Principal {
				f.user(acct, "boss", f.adminPolicy())
				return f.user(acct, "attacker", f.inline(allowStmt("iam:CreateAccessKey", "*"),
					denyStmt("*", "*", `"Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}`)))
			}},
		{name: "write a policy, then delete the boundary that limits it", want: []string{"iam-put-user-policy", "iam-delete-user-permissions-boundary"},
			build: func(f *fixture) *iam.Principal {
				u := f.user(acct, "attacker", f.inline(allowStmt("iam:PutUserPolicy", self)))
				u.Boundary = iam.NewPolicy(iam.BoundaryPolicy, "iam-only", f.doc(allowStmt("iam:*", "*")))
				return u
			}},
		{name: "overwrite the inline Deny", want: []string{"iam-put-user-policy"},
			build: func(f *fixture) *iam.Principal {
				return f.user(acct, "attacker", f.adminPolicy(), f.inline(
					`{"Effect":"Deny","NotAction":["iam:Get*","iam:List*","iam:PutUserPolicy"],"Resource":"*"}`))
			}},
		{name: "NotAction that leaves PassRole in", want: []string{"lambda-create-function-invoke"}, admin: testRoleARN(acct, "admin"),
			build: func(f *fixture) *iam.Principal {
				f.admin(trustStmt(serviceJSON("lambda.amazonaws.com")))
				return f.user(acct, "attacker", f.inline(`{"Effect":"Allow","NotAction":["iam:Create*","iam:Put*","iam:Attach*","iam:Update*"],"Resource":"*"}`))
			}},
		{name: "NotResource that leaves oneself in", want: []string{"iam-attach-user-policy"},
			build: func(f *fixture) *iam.Principal {
				return f.user(acct, "attacker", f.inline(`{"Effect":"Allow","Action":"iam:AttachUserPolicy","NotResource":"`+testUserARN(acct, "boss")+`"}`))
			}},
		{name: "an incomplete principal is analysed on what is known", want: []string{"iam-create-access-key"}, admin: testUserARN(acct, "boss"),
			build: func(f *fixture) *iam.Principal {
				f.user(acct, "boss", f.adminPolicy())
				u := f.user(acct, "attacker", f.inline(allowStmt("iam:CreateAccessKey", testUserARN(acct, "boss"))))
				u.Complete = false
				return u
			}},
		{name: "a function's resource policy lets another account in", want: []string{"lambda-update-function-code-invoke"}, admin: testRoleARN(acct, "admin"),
			build: func(f *fixture) *iam.Principal {
				fn := workloadARNs[iam.LambdaFunction]
				f.workload(iam.LambdaFunction, fn, f.admin(trustStmt(serviceJSON("lambda.amazonaws.com"))))
				f.e.AddResource(&iam.Resource{ARN: fn, Account: acct, Type: "aws_lambda_function", Policy: iam.NewPolicy(iam.ResourcePolicy, "fn",
					f.doc(`{"Effect":"Allow","Principal":{"AWS":"`+testUserARN(other, "attacker")+`"},"Action":["lambda:UpdateFunctionCode","lambda:InvokeFunction"],"Resource":"`+fn+`"}`))})
				return f.user(other, "attacker", f.inline(allowStmt("lambda:UpdateFunctionCode,lambda:InvokeFunction", fn)))
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			attacker := c.build(f)
			res, err := Analyze(context.Background(), f.e, Options{})
			if err != nil {
				t.Fatal(err)
			}
			path, ok := pathOf(res, attacker)
			if !ok {
				t.Fatalf("no path, want %v", c.want)
			}
			if diff := cmp.Diff(c.want, techniqueIDs(path)); diff != "" || path.Conditional != c.conditional {
				t.Errorf("techniques (-want +got):\n%s\nconditional %v, want %v", diff, path.Conditional, c.conditional)
			}
			if got := arnOf(path.Admin); got != c.admin {
				t.Errorf("admin %q, want %q", got, c.admin)
			}
			last := path.Edges[len(path.Edges)-1]
			if (last.To == nil) != (c.admin == "") {
				t.Errorf("last edge to %v with admin %q", last.To, c.admin)
			}
			for _, e := range path.Edges {
				for _, st := range e.Steps {
					if e.Conditional != slices.ContainsFunc(e.Steps, func(s Step) bool { return !s.Decision.Certain() }) {
						t.Errorf("edge %s conditional %v disagrees with its steps", e.Technique.ID, e.Conditional)
					}
					if st.Decision.Conditional && len(st.Decision.Caveats) == 0 {
						t.Errorf("conditional step %s without caveats", st.Action)
					}
				}
			}
		})
	}
}

func TestTechniques(t *testing.T) {
	ts := Techniques()
	if len(ts) < 40 {
		t.Errorf("%d techniques, want at least 40", len(ts))
	}
	seen := map[string]bool{}
	for _, tq := range ts {
		switch {
		case seen[tq.ID]:
			t.Errorf("technique %s twice", tq.ID)
		case tq.ID != strings.ToLower(tq.ID) || strings.ContainsAny(tq.ID, " _"):
			t.Errorf("technique ID %q is not a lower-case slug", tq.ID)
		case tq.Name == "" || tq.Description == "" || len(tq.Actions) == 0 || len(tq.References) == 0:
			t.Errorf("technique %s lacks a name, description, actions or references", tq.ID)
		}
		seen[tq.ID] = true
		for _, a := range tq.Actions {
			if svc, name, ok := strings.Cut(a, ":"); !ok || svc == "" || name == "" {
				t.Errorf("technique %s: action %q is not service:Name", tq.ID, a)
			}
		}
		for _, r := range tq.References {
			if !strings.HasPrefix(r, "https://") {
				t.Errorf("technique %s: reference %q", tq.ID, r)
			}
		}
	}
}

func TestAnalyzeErrors(t *testing.T) {
	f := newFixture(t)
	f.user(acct, "attacker")
	if _, err := Analyze(context.Background(), f.e, Options{Techniques: []string{"no-such-technique"}}); err == nil {
		t.Error("unknown technique: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Analyze(ctx, f.e, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: error %v", err)
	}
}

// TestDeterministic analyses the same generated estate twice, freshly
// built each time.
func TestDeterministic(t *testing.T) {
	summary := func() []string {
		e := iamgen.Generate(iamgen.Config{Seed: 7, Principals: 600, Policies: 1500})
		res, err := Analyze(context.Background(), e, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range res.Admins {
			out = append(out, "admin "+a.ARN)
		}
		for _, p := range res.Paths {
			line := p.Principal.ARN
			for _, e := range p.Edges {
				line += " " + e.Technique.ID + ">" + arnOf(e.To) + "@" + e.Via
			}
			out = append(out, line)
		}
		return out
	}
	first := summary()
	if len(first) == 0 {
		t.Fatal("nothing found in the generated estate")
	}
	if diff := cmp.Diff(first, summary()); diff != "" {
		t.Errorf("second run differs (-first +second):\n%s", diff)
	}
}

func TestEdgesFrom(t *testing.T) {
	f := newFixture(t)
	self := testUserARN(acct, "attacker")
	admin := f.admin(trustStmt(awsJSON(self)), trustStmt(serviceJSON("lambda.amazonaws.com")))
	boss := f.user(acct, "boss", f.adminPolicy())
	intern := f.user(acct, "intern")
	attacker := f.user(acct, "attacker", f.inline(
		allowStmt("iam:CreateAccessKey", "arn:aws:iam::"+acct+":user/*"),
		allowStmt("iam:PassRole,lambda:CreateFunction,lambda:InvokeFunction", "*"),
		allowStmt("iam:PutUserPolicy", self)))
	type edge struct{ Technique, To string }
	var got []edge
	for _, e := range EdgesFrom(f.e, attacker) {
		if e.From != attacker {
			t.Errorf("edge from %v", e.From)
		}
		got = append(got, edge{e.Technique.ID, arnOf(e.To)})
	}
	want := []edge{
		{"iam-put-user-policy", ""},
		{"sts-assume-role", admin.ARN},
		{"iam-create-access-key", boss.ARN},
		{"iam-create-access-key", intern.ARN},
		{"lambda-create-function-invoke", admin.ARN},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
}
