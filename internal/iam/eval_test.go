package iam_test

import (
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/iam/condition"
	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

const (
	acctA = "111111111111"
	acctB = "222222222222"
)

func doc(t testing.TB, text string) iammodel.Document {
	t.Helper()
	d := iammodel.ParseDocument(model.Set(text, model.Origin{}))
	if d.Err != "" {
		t.Fatalf("bad test policy: %s\n%s", d.Err, text)
	}
	return d
}

func pol(t testing.TB, kind iam.PolicyKind, name, text string) *iam.Policy {
	return iam.NewPolicy(kind, name, doc(t, text))
}

// allow builds a one-statement policy document.
func stmt(effect, action, resource string, extra ...string) string {
	s := `{"Effect":"` + effect + `",` + action + `,` + resource
	for _, e := range extra {
		s += "," + e
	}
	return `{"Version":"2012-10-17","Statement":[` + s + `}]}`
}

func user(acct, name string, ps ...*iam.Policy) *iam.Principal {
	return &iam.Principal{Type: iam.User, Account: acct, Name: name, Path: "/", ARN: "arn:aws:iam::" + acct + ":user/" + name, Policies: ps, TagsKnown: true, Complete: true}
}

func role(acct, name string, trust *iam.Policy, ps ...*iam.Policy) *iam.Principal {
	return &iam.Principal{Type: iam.Role, Account: acct, Name: name, Path: "/", ARN: "arn:aws:iam::" + acct + ":role/" + name, Policies: ps, Trust: trust, TagsKnown: true, Complete: true}
}

// TestEvaluate encodes AWS's documented policy evaluation logic case by case.
func TestEvaluate(t *testing.T) {
	P := func(kind iam.PolicyKind, text string) *iam.Policy { return pol(t, kind, "p", text) }
	idAllow := func(action, resource string, extra ...string) *iam.Policy {
		return P(iam.IdentityPolicy, stmt("Allow", `"Action":"`+action+`"`, `"Resource":"`+resource+`"`, extra...))
	}
	idDeny := func(action, resource string, extra ...string) *iam.Policy {
		return P(iam.IdentityPolicy, stmt("Deny", `"Action":"`+action+`"`, `"Resource":"`+resource+`"`, extra...))
	}
	resPolicy := func(effect, principal, action, resource string, extra ...string) *iam.Policy {
		return P(iam.ResourcePolicy, stmt(effect, `"Principal":`+principal+`,"Action":"`+action+`"`, `"Resource":"`+resource+`"`, extra...))
	}
	bucket := "arn:aws:s3:::data"
	object := "arn:aws:s3:::data/report.csv"
	key := "arn:aws:kms:us-east-1:" + acctA + ":key/1234"

	type tc struct {
		name string
		// setup returns the estate and the request.
		setup       func() (*iam.Estate, iam.Request)
		want        iam.Effect
		conditional bool
		reason      string // substring of Decision.Reason
	}
	newEstate := func(ps ...*iam.Principal) *iam.Estate {
		e := &iam.Estate{Accounts: map[string]*iam.Account{acctA: {ID: acctA}, acctB: {ID: acctB}}}
		e.Add(ps...)
		return e
	}
	withBucket := func(e *iam.Estate, acct string, p *iam.Policy) {
		e.AddResource(&iam.Resource{ARN: bucket, Account: acct, Type: "aws_s3_bucket", Policy: p})
	}
	req := func(p *iam.Principal, action, resource string) iam.Request {
		return iam.Request{Principal: p, Action: action, Resource: resource}
	}
	cases := []tc{
		{name: "identity allow", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("s3:GetObject", object))
			return newEstate(u), req(u, "s3:GetObject", object)
		}},
		{name: "nothing allows: implicit deny", want: iam.ImplicitDeny, reason: "no identity-based policy", setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice")
			return newEstate(u), req(u, "s3:GetObject", object)
		}},
		{name: "action match is case-insensitive with wildcards", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("S3:Get*", "arn:aws:s3:::data/*"))
			return newEstate(u), req(u, "s3:getobject", object)
		}},
		{name: "resource match is case-sensitive", want: iam.ImplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("s3:GetObject", "arn:aws:s3:::DATA/*"))
			return newEstate(u), req(u, "s3:GetObject", object)
		}},
		{name: "explicit deny beats allow", want: iam.ExplicitDeny, reason: "explicitly denied", setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("*", "*"), idDeny("s3:*", bucket+"/*"))
			return newEstate(u), req(u, "s3:GetObject", object)
		}},
		{name: "deny in a resource policy beats identity allow", want: iam.ExplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("*", "*"))
			e := newEstate(u)
			withBucket(e, acctA, resPolicy("Deny", `"*"`, "s3:GetObject", bucket+"/*"))
			return e, req(u, "s3:GetObject", object)
		}},
		{name: "Allow NotAction: other services allowed", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", P(iam.IdentityPolicy, stmt("Allow", `"NotAction":"iam:*"`, `"Resource":"*"`)))
			return newEstate(u), req(u, "s3:GetObject", object)
		}},
		{name: "Allow NotAction: excluded service denied", want: iam.ImplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", P(iam.IdentityPolicy, stmt("Allow", `"NotAction":["iam:*","organizations:*"]`, `"Resource":"*"`)))
			return newEstate(u), req(u, "iam:CreateUser", "arn:aws:iam::"+acctA+":user/x")
		}},
		{name: "Deny NotAction denies everything else", want: iam.ExplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("*", "*"), P(iam.IdentityPolicy, stmt("Deny", `"NotAction":"s3:*"`, `"Resource":"*"`)))
			return newEstate(u), req(u, "iam:CreateUser", "*")
		}},
		{name: "Allow NotResource excludes a prefix", want: iam.ImplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", P(iam.IdentityPolicy, stmt("Allow", `"Action":"s3:*"`, `"NotResource":"arn:aws:s3:::data/*"`)))
			return newEstate(u), req(u, "s3:GetObject", object)
		}},
		{name: "Allow NotResource allows the rest", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", P(iam.IdentityPolicy, stmt("Allow", `"Action":"s3:*"`, `"NotResource":"arn:aws:s3:::secret/*"`)))
			return newEstate(u), req(u, "s3:GetObject", object)
		}},
		{name: "boundary must allow too", want: iam.ImplicitDeny, reason: "permissions boundary", setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("*", "*"))
			u.Boundary = pol(t, iam.BoundaryPolicy, "b", stmt("Allow", `"Action":"ec2:*"`, `"Resource":"*"`))
			return newEstate(u), req(u, "s3:GetObject", object)
		}},
		{name: "boundary and identity both allow", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("s3:*", "*"))
			u.Boundary = pol(t, iam.BoundaryPolicy, "b", stmt("Allow", `"Action":["s3:*","ec2:*"]`, `"Resource":"*"`))
			return newEstate(u), req(u, "s3:GetObject", object)
		}},
		{name: "boundary alone grants nothing", want: iam.ImplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice")
			u.Boundary = pol(t, iam.BoundaryPolicy, "b", stmt("Allow", `"Action":"*"`, `"Resource":"*"`))
			return newEstate(u), req(u, "s3:GetObject", object)
		}},
		{name: "same account: resource policy naming the user grants without identity policy", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice")
			e := newEstate(u)
			withBucket(e, acctA, resPolicy("Allow", `{"AWS":"`+u.ARN+`"}`, "s3:GetObject", bucket+"/*"))
			return e, req(u, "s3:GetObject", object)
		}},
		{name: "same account: boundary does not limit a user named in a resource policy", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice")
			u.Boundary = pol(t, iam.BoundaryPolicy, "b", stmt("Allow", `"Action":"ec2:*"`, `"Resource":"*"`))
			e := newEstate(u)
			withBucket(e, acctA, resPolicy("Allow", `{"AWS":"`+u.ARN+`"}`, "s3:GetObject", bucket+"/*"))
			return e, req(u, "s3:GetObject", object)
		}},
		{name: "same account: boundary limits a role named by its role ARN", want: iam.ImplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			r := role(acctA, "app", nil)
			r.Boundary = pol(t, iam.BoundaryPolicy, "b", stmt("Allow", `"Action":"ec2:*"`, `"Resource":"*"`))
			e := newEstate(r)
			withBucket(e, acctA, resPolicy("Allow", `{"AWS":"`+r.ARN+`"}`, "s3:GetObject", bucket+"/*"))
			return e, req(r, "s3:GetObject", object)
		}},
		{name: "same account: role ARN in resource policy grants without identity policy", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			r := role(acctA, "app", nil)
			e := newEstate(r)
			withBucket(e, acctA, resPolicy("Allow", `{"AWS":"`+r.ARN+`"}`, "s3:GetObject", bucket+"/*"))
			return e, req(r, "s3:GetObject", object)
		}},
		{name: "same account: boundary does not limit a role session named directly", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			r := role(acctA, "app", nil)
			r.Boundary = pol(t, iam.BoundaryPolicy, "b", stmt("Allow", `"Action":"ec2:*"`, `"Resource":"*"`))
			e := newEstate(r)
			withBucket(e, acctA, resPolicy("Allow", `{"AWS":"arn:aws:sts::`+acctA+`:assumed-role/app/s1"}`, "s3:GetObject", bucket+"/*"))
			return e, req(r, "s3:GetObject", object)
		}},
		{name: "same account: resource policy naming the account needs identity allow", want: iam.ImplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice")
			e := newEstate(u)
			withBucket(e, acctA, resPolicy("Allow", `{"AWS":"arn:aws:iam::`+acctA+`:root"}`, "s3:GetObject", bucket+"/*"))
			return e, req(u, "s3:GetObject", object)
		}},
		{name: "same account: identity allow suffices without resource policy", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("s3:GetObject", "*"))
			e := newEstate(u)
			withBucket(e, acctA, nil)
			return e, req(u, "s3:GetObject", object)
		}},
		{name: "same account: Principal * grants without identity policy", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice")
			e := newEstate(u)
			withBucket(e, acctA, resPolicy("Allow", `"*"`, "s3:GetObject", bucket+"/*"))
			return e, req(u, "s3:GetObject", object)
		}},
		{name: "cross account: resource policy alone is not enough", want: iam.ImplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice")
			e := newEstate(u)
			withBucket(e, acctB, resPolicy("Allow", `{"AWS":"`+u.ARN+`"}`, "s3:GetObject", bucket+"/*"))
			return e, req(u, "s3:GetObject", object)
		}},
		{name: "cross account: identity alone is not enough", want: iam.ImplicitDeny, reason: "cross-account", setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("s3:*", "*"))
			e := newEstate(u)
			withBucket(e, acctB, nil)
			return e, req(u, "s3:GetObject", object)
		}},
		{name: "cross account: both allow", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("s3:*", "*"))
			e := newEstate(u)
			withBucket(e, acctB, resPolicy("Allow", `{"AWS":"`+acctA+`"}`, "s3:GetObject", bucket+"/*"))
			return e, req(u, "s3:GetObject", object)
		}},
		{name: "cross account: boundary still limits", want: iam.ImplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("s3:*", "*"))
			u.Boundary = pol(t, iam.BoundaryPolicy, "b", stmt("Allow", `"Action":"ec2:*"`, `"Resource":"*"`))
			e := newEstate(u)
			withBucket(e, acctB, resPolicy("Allow", `{"AWS":"`+u.ARN+`"}`, "s3:GetObject", bucket+"/*"))
			return e, req(u, "s3:GetObject", object)
		}},
		{name: "trust policy naming the caller: no identity policy needed", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice")
			r := role(acctA, "admin", resPolicy("Allow", `{"AWS":"arn:aws:iam::`+acctA+`:user/alice"}`, "sts:AssumeRole", "*"))
			return newEstate(u, r), req(u, "sts:AssumeRole", r.ARN)
		}},
		{name: "trust policy naming the account: identity policy needed", want: iam.ImplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice")
			r := role(acctA, "admin", resPolicy("Allow", `{"AWS":"`+acctA+`"}`, "sts:AssumeRole", "*"))
			return newEstate(u, r), req(u, "sts:AssumeRole", r.ARN)
		}},
		{name: "trust policy naming the account with identity allow", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("sts:AssumeRole", "*"))
			r := role(acctA, "admin", resPolicy("Allow", `{"AWS":"`+acctA+`"}`, "sts:AssumeRole", "*"))
			return newEstate(u, r), req(u, "sts:AssumeRole", r.ARN)
		}},
		{name: "trust policy not naming the caller: identity admin is not enough", want: iam.ImplicitDeny, reason: "resource-based policy", setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("*", "*"))
			r := role(acctA, "admin", resPolicy("Allow", `{"Service":"ec2.amazonaws.com"}`, "sts:AssumeRole", "*"))
			return newEstate(u, r), req(u, "sts:AssumeRole", r.ARN)
		}},
		{name: "trust policy allows a service principal", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			r := role(acctA, "fn", resPolicy("Allow", `{"Service":"lambda.amazonaws.com"}`, "sts:AssumeRole", "*"))
			svc := &iam.Principal{Type: iam.Service, ARN: "lambda.amazonaws.com"}
			return newEstate(r), req(svc, "sts:AssumeRole", r.ARN)
		}},
		{name: "trust policy for another service", want: iam.ImplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			r := role(acctA, "fn", resPolicy("Allow", `{"Service":"lambda.amazonaws.com"}`, "sts:AssumeRole", "*"))
			svc := &iam.Principal{Type: iam.Service, ARN: "ec2.amazonaws.com"}
			return newEstate(r), req(svc, "sts:AssumeRole", r.ARN)
		}},
		{name: "cross-account trust with identity allow", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctB, "bob", idAllow("sts:AssumeRole", "arn:aws:iam::"+acctA+":role/*"))
			r := role(acctA, "shared", resPolicy("Allow", `{"AWS":"arn:aws:iam::`+acctB+`:root"}`, "sts:AssumeRole", "*"))
			return newEstate(u, r), req(u, "sts:AssumeRole", r.ARN)
		}},
		{name: "cross-account trust naming the user still needs identity allow", want: iam.ImplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctB, "bob")
			r := role(acctA, "shared", resPolicy("Allow", `{"AWS":"arn:aws:iam::`+acctB+`:user/bob"}`, "sts:AssumeRole", "*"))
			return newEstate(u, r), req(u, "sts:AssumeRole", r.ARN)
		}},
		{name: "KMS key policy must allow: identity admin is not enough", want: iam.ImplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("*", "*"))
			e := newEstate(u)
			e.AddResource(&iam.Resource{ARN: key, Account: acctA, Type: "aws_kms_key", Policy: resPolicy("Allow", `{"AWS":"arn:aws:iam::`+acctA+`:role/other"}`, "kms:*", "*")})
			return e, req(u, "kms:Decrypt", key)
		}},
		{name: "KMS key policy delegating to the account", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("kms:Decrypt", "*"))
			e := newEstate(u)
			e.AddResource(&iam.Resource{ARN: key, Account: acctA, Type: "aws_kms_key", Policy: resPolicy("Allow", `{"AWS":"arn:aws:iam::`+acctA+`:root"}`, "kms:*", "*")})
			return e, req(u, "kms:Decrypt", key)
		}},
		{name: "SCP without allow at a level", want: iam.ImplicitDeny, reason: "no SCP", setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("*", "*"))
			e := newEstate(u)
			e.Accounts[acctA].Levels = []iam.OrgLevel{
				{Name: "root", SCPs: []*iam.Policy{P(iam.SCP, stmt("Allow", `"Action":"*"`, `"Resource":"*"`))}},
				{Name: "ou-prod", SCPs: []*iam.Policy{P(iam.SCP, stmt("Allow", `"Action":"ec2:*"`, `"Resource":"*"`))}},
			}
			return e, req(u, "s3:GetObject", object)
		}},
		{name: "SCP deny", want: iam.ExplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("*", "*"))
			e := newEstate(u)
			e.Accounts[acctA].Levels = []iam.OrgLevel{{Name: "root", SCPs: []*iam.Policy{
				P(iam.SCP, stmt("Allow", `"Action":"*"`, `"Resource":"*"`)),
				P(iam.SCP, stmt("Deny", `"Action":"s3:*"`, `"Resource":"*"`)),
			}}}
			return e, req(u, "s3:GetObject", object)
		}},
		{name: "SCP does not grant", want: iam.ImplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice")
			e := newEstate(u)
			e.Accounts[acctA].Levels = []iam.OrgLevel{{Name: "root", SCPs: []*iam.Policy{P(iam.SCP, stmt("Allow", `"Action":"*"`, `"Resource":"*"`))}}}
			return e, req(u, "s3:GetObject", object)
		}},
		{name: "SCPs do not affect the management account", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("*", "*"))
			e := newEstate(u)
			e.Accounts[acctA].Management = true
			e.Accounts[acctA].Levels = []iam.OrgLevel{{Name: "root", SCPs: []*iam.Policy{P(iam.SCP, stmt("Deny", `"Action":"*"`, `"Resource":"*"`))}}}
			return e, req(u, "s3:GetObject", object)
		}},
		{name: "SCPs do not affect service-linked roles", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			r := role(acctA, "AWSServiceRoleForX", nil, idAllow("*", "*"))
			r.ServiceLinked = true
			e := newEstate(r)
			e.Accounts[acctA].Levels = []iam.OrgLevel{{Name: "root", SCPs: []*iam.Policy{P(iam.SCP, stmt("Deny", `"Action":"*"`, `"Resource":"*"`))}}}
			return e, req(r, "s3:GetObject", object)
		}},
		{name: "RCP deny on the resource's account", want: iam.ExplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("s3:*", "*"))
			e := newEstate(u)
			withBucket(e, acctB, resPolicy("Allow", `"*"`, "s3:GetObject", bucket+"/*"))
			e.Accounts[acctB].Levels = []iam.OrgLevel{{Name: "root", RCPs: []*iam.Policy{P(iam.RCP, stmt("Deny", `"Principal":"*","Action":"s3:*"`, `"Resource":"*"`,
				`"Condition":{"StringNotEquals":{"aws:PrincipalAccount":"`+acctB+`"}}`))}}}
			return e, req(u, "s3:GetObject", object)
		}},
		{name: "session policy limits", want: iam.ImplicitDeny, reason: "session policy", setup: func() (*iam.Estate, iam.Request) {
			r := role(acctA, "app", nil, idAllow("*", "*"))
			rq := req(r, "s3:GetObject", object)
			rq.Session = P(iam.SessionPolicy, stmt("Allow", `"Action":"ec2:*"`, `"Resource":"*"`))
			return newEstate(r), rq
		}},
		{name: "condition on unknown context: allowed if", want: iam.Allow, conditional: true, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("s3:GetObject", "*", `"Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}`))
			return newEstate(u), req(u, "s3:GetObject", object)
		}},
		{name: "condition on known context: certain", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("s3:GetObject", "*", `"Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}`))
			rq := req(u, "s3:GetObject", object)
			rq.Context = &condition.Context{}
			rq.Context.Set("aws:SourceIp", "10.1.2.3")
			return newEstate(u), rq
		}},
		{name: "condition on known context: not met", want: iam.ImplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("s3:GetObject", "*", `"Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}`))
			rq := req(u, "s3:GetObject", object)
			rq.Context = &condition.Context{}
			rq.Context.Set("aws:SourceIp", "192.0.2.1")
			return newEstate(u), rq
		}},
		{name: "deny on unknown context: allowed unless", want: iam.Allow, conditional: true, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("*", "*"), idDeny("*", "*", `"Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}`))
			return newEstate(u), req(u, "s3:GetObject", object)
		}},
		{name: "principal tags are known context", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("s3:GetObject", "*", `"Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"}}`))
			u.Tags = map[string]string{"team": "data"}
			return newEstate(u), req(u, "s3:GetObject", object)
		}},
		{name: "absent principal tag fails the condition", want: iam.ImplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("s3:GetObject", "*", `"Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"}}`))
			return newEstate(u), req(u, "s3:GetObject", object)
		}},
		{name: "policy variable in resource: own prefix", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("s3:GetObject", "arn:aws:s3:::home/${aws:username}/*"))
			return newEstate(u), req(u, "s3:GetObject", "arn:aws:s3:::home/alice/notes.txt")
		}},
		{name: "policy variable in resource: another's prefix", want: iam.ImplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("s3:GetObject", "arn:aws:s3:::home/${aws:username}/*"))
			return newEstate(u), req(u, "s3:GetObject", "arn:aws:s3:::home/bob/notes.txt")
		}},
		{name: "policy variables are literal in Version 2008-10-17", want: iam.ImplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", P(iam.IdentityPolicy, `{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::home/${aws:username}/*"}]}`))
			return newEstate(u), req(u, "s3:GetObject", "arn:aws:s3:::home/alice/notes.txt")
		}},
		{name: "NotPrincipal deny spares the named principal", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("s3:*", "*"))
			e := newEstate(u)
			withBucket(e, acctA, P(iam.ResourcePolicy, stmt("Deny", `"NotPrincipal":{"AWS":"`+u.ARN+`"},"Action":"s3:*"`, `"Resource":"*"`)))
			return e, req(u, "s3:GetObject", object)
		}},
		{name: "NotPrincipal deny hits others", want: iam.ExplicitDeny, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "mallory", idAllow("s3:*", "*"))
			e := newEstate(u)
			withBucket(e, acctA, P(iam.ResourcePolicy, stmt("Deny", `"NotPrincipal":{"AWS":"arn:aws:iam::`+acctA+`:user/alice"},"Action":"s3:*"`, `"Resource":"*"`)))
			return e, req(u, "s3:GetObject", object)
		}},
		{name: "unresolved action in a deny makes the allow conditional", want: iam.Allow, conditional: true, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("*", "*"), P(iam.IdentityPolicy, stmt("Deny", `"Action":"`+iammodel.Unknown+`"`, `"Resource":"*"`)))
			return newEstate(u), req(u, "s3:GetObject", object)
		}},
		{name: "unresolved resource never grants for certain", want: iam.Allow, conditional: true, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("s3:GetObject", iammodel.Unknown+"/*"))
			return newEstate(u), req(u, "s3:GetObject", object)
		}},
		{name: "role outside the estate: its trust policy is not known", want: iam.Allow, conditional: true, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("sts:AssumeRole", "*"))
			return newEstate(u), req(u, "sts:AssumeRole", "arn:aws:iam::"+acctA+":role/elsewhere")
		}},
		{name: "key outside the estate: its key policy is not known", want: iam.Allow, conditional: true, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("kms:Decrypt", "*"))
			return newEstate(u), req(u, "kms:Decrypt", "arn:aws:kms:eu-west-1:"+acctA+":key/other")
		}},
		{name: "another account's resource outside the estate: its policy is not known", want: iam.Allow, conditional: true, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("sqs:SendMessage", "*"))
			return newEstate(u), req(u, "sqs:SendMessage", "arn:aws:sqs:eu-west-1:"+acctB+":queue")
		}},
		{name: "own account's resource outside the estate: identity policies decide", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			u := user(acctA, "alice", idAllow("sqs:SendMessage", "*"))
			return newEstate(u), req(u, "sqs:SendMessage", "arn:aws:sqs:eu-west-1:"+acctA+":queue")
		}},
		{name: "root of the account needs no identity policy", want: iam.Allow, setup: func() (*iam.Estate, iam.Request) {
			root := &iam.Principal{Type: iam.Root, Account: acctA, ARN: "arn:aws:iam::" + acctA + ":root"}
			return newEstate(root), req(root, "s3:GetObject", object)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, r := c.setup()
			d := e.Evaluate(r)
			if d.Effect != c.want || d.Conditional != c.conditional {
				t.Fatalf("got %v (conditional %v, %s), want %v (conditional %v)", d.Effect, d.Conditional, d.Reason, c.want, c.conditional)
			}
			if c.reason != "" && !strings.Contains(d.Reason, c.reason) {
				t.Errorf("reason %q does not mention %q", d.Reason, c.reason)
			}
			switch {
			case d.Effect == iam.Allow && len(d.Allowed) == 0 && r.Principal.Type != iam.Root:
				t.Error("allow without a statement that grants it")
			case d.Effect == iam.ExplicitDeny && len(d.Denied) == 0:
				t.Error("explicit deny without the denying statement")
			case d.Conditional && len(d.Caveats) == 0:
				t.Error("conditional decision without caveats")
			}
		})
	}
}
