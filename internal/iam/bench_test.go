package iam_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/iam/catalog"
	"github.com/vigil-sec/vigil/internal/iam/condition"
	"github.com/vigil-sec/vigil/internal/iam/iamgen"
	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// acceptance is the size: single `iam can` queries on an estate of
// 20,000 principals and 50,000 policies must take under 1 ms once it is
// loaded.
var acceptance = iamgen.Config{Seed: 1, Principals: 20000, Policies: 50000}

// benchEstate is the acceptance estate with resource-based policies added,
// built once for every benchmark that queries a loaded estate. Every
// principal's IsAdmin is asked first, as a scan does: the evaluator then
// has the catalogue action sets of identity policies, boundaries and SCPs,
// which it otherwise computes only once a statement has been matched often
// (BenchmarkEvaluateFirst measures queries without them).
var benchEstate = sync.OnceValues(func() (*iam.Estate, map[string][]iam.Request) {
	e := iamgen.Generate(acceptance)
	addSharedResources(e, rand.New(rand.NewPCG(2, 3)))
	for _, p := range e.Principals {
		e.IsAdmin(p)
	}
	return e, benchRequests(e)
})

// addSharedResources gives the generated estate what it lacks: buckets and
// KMS keys whose policies name principals of the same and other accounts.
func addSharedResources(e *iam.Estate, r *rand.Rand) {
	accts := slices.Sorted(maps.Keys(e.Accounts))
	for i := range 400 {
		owner := accts[i%len(accts)]
		grantee := e.Principals[r.IntN(len(e.Principals))]
		bucket := fmt.Sprintf("arn:aws:s3:::shared-%d", i)
		text := `{"Version":"2012-10-17","Statement":[` +
			`{"Effect":"Allow","Principal":{"AWS":"` + grantee.ARN + `"},"Action":["s3:GetObject","s3:PutObject"],"Resource":"` + bucket + `/*"},` +
			`{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["` + bucket + `","` + bucket + `/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`
		e.AddResource(&iam.Resource{ARN: bucket, Account: owner, Type: "aws_s3_bucket", Policy: iam.NewPolicy(iam.ResourcePolicy, "bucket", parse(text))})
		key := fmt.Sprintf("arn:aws:kms:us-east-1:%s:key/%08x-0000-4000-8000-000000000000", owner, i)
		text = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::` + owner + `:root"},"Action":"kms:*","Resource":"*"}]}`
		e.AddResource(&iam.Resource{ARN: key, Account: owner, Type: "aws_kms_key", Policy: iam.NewPolicy(iam.ResourcePolicy, "key", parse(text))})
	}
}

func parse(text string) iammodel.Document {
	return iammodel.ParseDocument(model.Set(text, model.Origin{}))
}

// benchRequests derives requests of every kind from the estate's own
// policies and sorts them by what they exercise; each kind holds up to
// perKind requests.
func benchRequests(e *iam.Estate) map[string][]iam.Request {
	const perKind = 512
	r := rand.New(rand.NewPCG(4, 5))
	cat := catalog.Load()
	out := map[string][]iam.Request{}
	add := func(kind string, q iam.Request) {
		if len(out[kind]) < perKind {
			out[kind] = append(out[kind], q)
		}
	}
	order := r.Perm(len(e.Principals))
	services := map[string]*iam.Principal{}
	for _, i := range order {
		p := e.Principals[i]
		if p.Type == iam.Group {
			continue
		}
		// Requests an identity statement is about: allowed, allowed if a
		// condition holds, or denied by a Deny elsewhere.
		for _, pol := range p.Policies {
			for _, st := range pol.Document.Statements {
				if len(st.Action) == 0 || len(st.Resource) == 0 {
					continue
				}
				q := iam.Request{Principal: p, Action: concrete(cat, st.Action[r.IntN(len(st.Action))]), Resource: concreteARN(st.Resource[0], p)}
				switch d := e.Evaluate(q); {
				case d.Effect == iam.ExplicitDeny:
					add("explicit-deny", q)
				case d.Effect == iam.Allow && d.Conditional:
					add("allow-if", q)
				case d.Effect == iam.Allow && q.Resource != "*":
					add("identity-allow", q)
				}
			}
		}
		// An action nothing grants.
		q := iam.Request{Principal: p, Action: "iam:CreateUser", Resource: "arn:aws:iam::" + p.Account + ":user/new"}
		if e.Evaluate(q).Effect == iam.ImplicitDeny {
			add("implicit-deny", q)
		}
		// Known request context: MFA and region set by the caller.
		ctx := &condition.Context{}
		ctx.Set("aws:MultiFactorAuthPresent", "true")
		ctx.Set("aws:RequestedRegion", "eu-west-1")
		ctx.Set("aws:SecureTransport", "true")
		add("with-context", iam.Request{Principal: p, Action: "ec2:StartInstances", Resource: "arn:aws:ec2:eu-west-1:" + p.Account + ":instance/i-0123", Context: ctx})
		// Role trust: the service or account the trust policy names.
		if p.Type == iam.Role && p.Trust != nil {
			for _, st := range p.Trust.Document.Statements {
				if st.Principal == nil {
					continue
				}
				for _, svc := range st.Principal.Service {
					if services[svc] == nil {
						services[svc] = &iam.Principal{Type: iam.Service, ARN: svc}
					}
					add("assume-role", iam.Request{Principal: services[svc], Action: "sts:AssumeRole", Resource: p.ARN})
				}
				if len(st.Principal.AWS) > 0 {
					caller := e.PrincipalByARN(st.Principal.AWS[0])
					if caller == nil {
						caller = e.Principals[r.IntN(len(e.Principals))]
					}
					add("assume-role", iam.Request{Principal: caller, Action: "sts:AssumeRole", Resource: p.ARN})
				}
			}
		}
	}
	// Resource-based policies: named grantees, and others of the
	// resource's account.
	for _, res := range e.Resources {
		for _, st := range res.Policy.Document.Statements {
			if st.Principal == nil || len(st.Principal.AWS) == 0 {
				continue
			}
			if caller := e.PrincipalByARN(st.Principal.AWS[0]); caller != nil {
				add("resource-policy", iam.Request{Principal: caller, Action: "s3:GetObject", Resource: res.ARN + "/data.csv"})
				continue
			}
			caller := e.Principals[r.IntN(len(e.Principals))]
			add("resource-policy", iam.Request{Principal: caller, Action: "kms:Decrypt", Resource: res.ARN})
		}
	}
	return out
}

// concrete turns an action pattern into an action it covers.
func concrete(cat *catalog.Catalog, pattern string) string {
	if !strings.ContainsAny(pattern, "*?") {
		return pattern
	}
	for id := range cat.Match(pattern).All() {
		return cat.Actions()[id].String()
	}
	return pattern
}

// concreteARN turns a resource pattern into a resource it covers.
func concreteARN(pattern string, p *iam.Principal) string {
	if pattern == "*" {
		return pattern
	}
	s := strings.ReplaceAll(pattern, "${aws:username}", p.Name)
	s = strings.ReplaceAll(s, "${aws:PrincipalTag/team}", p.Tags["team"])
	return strings.NewReplacer("*", "x", "?", "x").Replace(s)
}

// BenchmarkEvaluate answers single queries on the loaded acceptance
// estate, one kind of request per sub-benchmark: each must stay well under
// 1 ms.
func BenchmarkEvaluate(b *testing.B) {
	e, reqs := benchEstate()
	for _, kind := range []string{"identity-allow", "allow-if", "implicit-deny", "explicit-deny", "resource-policy", "assume-role", "with-context"} {
		qs := reqs[kind]
		if len(qs) == 0 {
			b.Fatalf("no %s requests in the generated estate", kind)
		}
		b.Run("request="+kind, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				e.Evaluate(qs[i%len(qs)])
				i++
			}
		})
	}
}

// BenchmarkEvaluateFirst is each principal's first query on a freshly
// loaded acceptance estate, as `vigil iam can` asks it: only the caches of
// policies the principals share are warm. A fresh estate is generated (off
// the clock) whenever the principals run out.
func BenchmarkEvaluateFirst(b *testing.B) {
	b.ReportAllocs()
	catalog.Load()
	queries := []struct{ action, resource string }{
		{"s3:GetObject", "arn:aws:s3:::data-1/report.csv"},
		{"iam:PassRole", "arn:aws:iam::100000000000:role/svc-1-role"},
		{"ec2:StartInstances", "arn:aws:ec2:us-east-1:100000000000:instance/i-0123"},
		{"sts:AssumeRole", "arn:aws:iam::100000000001:role/human-1"},
	}
	var ps []*iam.Principal
	var e *iam.Estate
	i := 0
	for b.Loop() {
		if len(ps) == 0 {
			b.StopTimer()
			e = iamgen.Generate(acceptance)
			e.PrincipalByARN("") // loading indexes the estate
			ps = slices.DeleteFunc(slices.Clone(e.Principals), func(p *iam.Principal) bool { return p.Type == iam.Group })
			b.StartTimer()
		}
		q := queries[i%len(queries)]
		e.Evaluate(iam.Request{Principal: ps[0], Action: q.action, Resource: q.resource})
		ps = ps[1:]
		i++
	}
}

// BenchmarkIsAdmin is the first IsAdmin of each principal, as a scan asks
// it: the per-principal cache is cold, the policies' shared caches warm up
// as principals share managed policies. A fresh estate is generated (off
// the clock) whenever the principals run out.
func BenchmarkIsAdmin(b *testing.B) {
	b.ReportAllocs()
	cfg := iamgen.Config{Seed: 1, Principals: 2000, Policies: 5000}
	var ps []*iam.Principal
	var e *iam.Estate
	for b.Loop() {
		if len(ps) == 0 {
			b.StopTimer()
			e = iamgen.Generate(cfg)
			ps = e.Principals
			b.StartTimer()
		}
		e.IsAdmin(ps[0])
		ps = ps[1:]
	}
}

// BenchmarkPermissions evaluates one principal's permissions over the whole
// catalogue: an administrator (every action a candidate), a read-only
// human role (an AWS managed policy of thousands of patterns) and a
// service role with a few narrow grants.
func BenchmarkPermissions(b *testing.B) {
	e, _ := benchEstate()
	pick := map[string]*iam.Principal{}
	for _, p := range e.Principals {
		if p.Type != iam.Role {
			continue
		}
		switch names := policyNames(p); {
		case pick["admin"] == nil && names == "AdministratorAccess":
			pick["admin"] = p
		case pick["readonly"] == nil && names == "ReadOnlyAccess":
			pick["readonly"] = p
		case pick["service"] == nil && strings.HasPrefix(p.Name, "svc-") && strings.HasPrefix(names, "inline-") && !strings.Contains(names, ","):
			pick["service"] = p
		}
	}
	for _, name := range []string{"admin", "readonly", "service"} {
		p := pick[name]
		if p == nil {
			b.Fatalf("no %s principal in the generated estate", name)
		}
		b.Run("principal="+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				e.Permissions(p)
			}
		})
	}
}

func policyNames(p *iam.Principal) string {
	names := make([]string, 0, len(p.Policies))
	for _, pol := range p.Policies {
		names = append(names, pol.Name)
	}
	return strings.Join(names, ",")
}

// BenchmarkAllows is the pre-filter escalation and who-can run before
// Evaluate, with warm per-principal caches: catalogue actions take the
// bit-set path, unknown ones match statement by statement.
func BenchmarkAllows(b *testing.B) {
	e, _ := benchEstate()
	ps := e.Principals[:1024]
	for _, p := range ps {
		e.Allows(p, "s3:GetObject")
	}
	for _, tc := range []struct {
		name    string
		actions []string
	}{
		{"known", []string{"s3:GetObject", "iam:PassRole", "sts:AssumeRole", "lambda:UpdateFunctionCode", "ec2:RunInstances"}},
		{"unknown", []string{"s3:GetObjectV2", "vigil:Scan"}},
	} {
		b.Run("action="+tc.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				e.Allows(ps[i%len(ps)], tc.actions[i%len(tc.actions)])
				i++
			}
		})
	}
}
