package awsestate_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/vigil-sec/vigil/internal/iam/awsestate"
	"github.com/vigil-sec/vigil/internal/iam/catalog"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// generate returns a live-like IAM state of n principals: half users, a
// twentieth groups, the rest roles. Every identity has an inline policy and
// two attachments drawn from 50 customer managed and 4 AWS managed
// policies; every user is in two groups; every role has a trust policy.
func generate(n int) *aws.State {
	r := rand.New(rand.NewPCG(1, 2))
	const acct = "123456789012"
	at := model.Origin{API: "iam:GetAccountAuthorizationDetails"}
	set := func(s string) model.String { return model.Set(s, at) }
	doc := func(actions string) iammodel.Document {
		return iammodel.ParseDocument(set(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[` + actions + `],"Resource":"*"}]}`))
	}
	var st aws.State
	s := &st.IAM
	for i := range 50 {
		arn := fmt.Sprintf("arn:aws:iam::%s:policy/p%d", acct, i)
		s.Policies = append(s.Policies, &iammodel.Policy{
			Resource: model.Resource{ID: arn, Name: fmt.Sprintf("p%d", i)}, PolicyName: set(fmt.Sprintf("p%d", i)),
			ARN: set(arn), Path: set("/"), Document: doc(`"s3:GetObject","s3:PutObject","ec2:Describe*"`),
		})
	}
	awsManaged := []string{"ReadOnlyAccess", "AdministratorAccess", "PowerUserAccess", "AmazonS3FullAccess"}
	identity := func(kind iammodel.Kind, i int) iammodel.Identity {
		name := fmt.Sprintf("%s%d", kind, i)
		arn := fmt.Sprintf("arn:aws:iam::%s:%s/%s", acct, kind, name)
		id := iammodel.Identity{
			Resource: model.Resource{ID: arn, Name: name}, Kind: kind,
			IdentityName: set(name), ARN: set(arn), Path: set("/"), PoliciesComplete: true,
		}
		ip := &iammodel.InlinePolicy{Resource: id.Resource, PolicyName: set("inline"), Document: doc(`"sqs:SendMessage","logs:PutLogEvents"`), TargetKind: kind, TargetID: arn}
		id.InlinePolicies = []*iammodel.InlinePolicy{ip}
		for range 2 {
			a := &iammodel.Attachment{Resource: id.Resource, TargetKind: kind, TargetID: arn}
			if r.IntN(10) == 0 {
				a.PolicyARN = set("arn:aws:iam::aws:policy/" + awsManaged[r.IntN(len(awsManaged))])
			} else {
				p := s.Policies[r.IntN(len(s.Policies))]
				a.PolicyARN, a.Policy = p.ARN, p
			}
			id.AttachedPolicies = append(id.AttachedPolicies, a)
		}
		return id
	}
	groups := n / 20
	for i := range groups {
		s.Groups = append(s.Groups, &iammodel.Group{Identity: identity(iammodel.KindGroup, i), MembersComplete: true})
	}
	for i := range n / 2 {
		u := &iammodel.User{Identity: identity(iammodel.KindUser, i), PermissionsBoundary: model.Default("", at), GroupsComplete: true}
		for range 2 {
			g := s.Groups[r.IntN(groups)]
			m := &iammodel.Membership{UserName: u.IdentityName, UserID: u.ID, GroupName: g.IdentityName, GroupID: g.ID}
			u.Groups = append(u.Groups, m)
			g.Members = append(g.Members, m)
		}
		s.Users = append(s.Users, u)
	}
	trust := doc(`"sts:AssumeRole"`)
	for i := range n - n/2 - groups {
		s.Roles = append(s.Roles, &iammodel.Role{
			Identity: identity(iammodel.KindRole, i), TrustPolicy: trust, PermissionsBoundary: model.Default("", at),
		})
	}
	return &st
}

// BenchmarkBuild builds estates of 2,000 principals (a typical account) and
// 20,000 (a large one); MB is the heap the estate keeps.
func BenchmarkBuild(b *testing.B) {
	cat := catalog.Load()
	// The catalogue decodes managed policies on first use: keep that out of
	// what the estate is measured to hold.
	awsestate.Build(generate(100), awsestate.Options{Catalog: cat})
	for _, n := range []int{2000, 20000} {
		b.Run(fmt.Sprintf("principals=%d", n), func(b *testing.B) {
			st := generate(n)
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			e := awsestate.Build(st, awsestate.Options{Catalog: cat})
			runtime.GC()
			runtime.ReadMemStats(&after)
			runtime.KeepAlive(e)
			b.ReportAllocs()
			for b.Loop() {
				awsestate.Build(st, awsestate.Options{Catalog: cat})
			}
			b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/1e6, "MB")
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "principals/s")
		})
	}
}
