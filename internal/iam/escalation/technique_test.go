package escalation

import (
	"context"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/internal/iam"
)

// workloadARNs are an ARN of each workload kind, in acct.
var workloadARNs = map[iam.WorkloadKind]string{
	iam.EC2Instance:       "arn:aws:ec2:us-east-1:" + acct + ":instance/i-0123456789abcdef0",
	iam.LambdaFunction:    "arn:aws:lambda:us-east-1:" + acct + ":function:app",
	iam.ECSTaskDefinition: "arn:aws:ecs:us-east-1:" + acct + ":task-definition/app:1",
	iam.CodeBuildProject:  "arn:aws:codebuild:us-east-1:" + acct + ":project/app",
	iam.GlueDevEndpoint:   "arn:aws:glue:us-east-1:" + acct + ":devEndpoint/app",
	iam.GlueJob:           "arn:aws:glue:us-east-1:" + acct + ":job/app",
	iam.SageMakerNotebook: "arn:aws:sagemaker:us-east-1:" + acct + ":notebook-instance/app",
	iam.CloudFormation:    "arn:aws:cloudformation:us-east-1:" + acct + ":stack/app/1",
}

// positive builds, for a technique, an estate where "attacker" escalates by
// it in one step, and returns the attacker.
func positive(f *fixture, s *spec) *iam.Principal {
	self := testUserARN(acct, "attacker")
	selfRole := testRoleARN(acct, "attacker")
	ec2Trust := trustStmt(serviceJSON("ec2.amazonaws.com"))
	boundary := func(actions string) *iam.Policy {
		return iam.NewPolicy(iam.BoundaryPolicy, "boundary", f.doc(allowStmt(actions, "*")))
	}
	tagged := allowStmt("*", "*", `"Condition":{"StringEquals":{"aws:PrincipalTag/team":"platform"}}`)
	guard := denyStmt("s3:*", "*")
	switch s.ID {
	case "iam-create-policy-version":
		return f.user(acct, "attacker", f.managed("dev", allowStmt("iam:CreatePolicyVersion", "arn:aws:iam::"+acct+":policy/dev")))
	case "iam-set-default-policy-version":
		p := f.managed("dev", allowStmt("iam:SetDefaultPolicyVersion", "arn:aws:iam::"+acct+":policy/dev"))
		p.Versions = append(p.Versions, f.doc(allowStmt("*", "*")))
		return f.user(acct, "attacker", p)
	case "iam-attach-user-policy", "iam-put-user-policy", "iam-tag-user":
		ps := []*iam.Policy{f.inline(allowStmt(s.Actions[0], self))}
		if s.grant == tagSelf {
			ps = append(ps, f.inline(tagged))
		}
		return f.user(acct, "attacker", ps...)
	case "iam-attach-role-policy", "iam-put-role-policy", "iam-tag-role":
		ps := []*iam.Policy{f.inline(allowStmt(s.Actions[0], selfRole))}
		if s.grant == tagSelf {
			ps = append(ps, f.inline(tagged))
		}
		return f.role(acct, "attacker", []string{ec2Trust}, ps...)
	case "iam-attach-group-policy", "iam-put-group-policy":
		u := f.user(acct, "attacker")
		joinGroup(u, f.group(acct, "devs", f.inline(allowStmt(s.Actions[0], "arn:aws:iam::"+acct+":group/devs"))))
		return u
	case "iam-add-user-to-group":
		f.group(acct, "admins", f.adminPolicy())
		return f.user(acct, "attacker", f.inline(allowStmt("iam:AddUserToGroup", "arn:aws:iam::"+acct+":group/admins")))
	case "iam-delete-user-permissions-boundary", "iam-put-user-permissions-boundary":
		u := f.user(acct, "attacker", f.adminPolicy())
		u.Boundary = boundary("s3:*," + s.Actions[0])
		return u
	case "iam-delete-role-permissions-boundary", "iam-put-role-permissions-boundary":
		r := f.role(acct, "attacker", []string{ec2Trust}, f.adminPolicy())
		r.Boundary = boundary("s3:*," + s.Actions[0])
		return r
	case "iam-detach-user-policy":
		return f.user(acct, "attacker", f.adminPolicy(), f.managed("guard", guard))
	case "iam-delete-user-policy":
		return f.user(acct, "attacker", f.adminPolicy(), f.inline(guard))
	case "iam-detach-role-policy":
		return f.role(acct, "attacker", []string{ec2Trust}, f.adminPolicy(), f.managed("guard", guard))
	case "iam-delete-role-policy":
		return f.role(acct, "attacker", []string{ec2Trust}, f.adminPolicy(), f.inline(guard))
	case "iam-detach-group-policy", "iam-remove-user-from-group":
		u := f.user(acct, "attacker", f.adminPolicy())
		joinGroup(u, f.group(acct, "guarded", f.managed("guard", guard)))
		return u
	case "iam-delete-group-policy":
		u := f.user(acct, "attacker", f.adminPolicy())
		joinGroup(u, f.group(acct, "guarded", f.inline(guard)))
		return u
	case "iam-untag-user", "iam-untag-role":
		restricted := `{"Effect":"Deny","NotAction":"` + s.Actions[0] + `","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/restricted":"true"}}}`
		var p *iam.Principal
		if s.principal == iam.User {
			p = f.user(acct, "attacker", f.adminPolicy(), f.inline(restricted))
		} else {
			p = f.role(acct, "attacker", []string{ec2Trust}, f.adminPolicy(), f.inline(restricted))
		}
		p.Tags = map[string]string{"restricted": "true"}
		return p
	case "iam-attach-role-policy-assume-role", "iam-put-role-policy-assume-role":
		f.role(acct, "target", []string{trustStmt(awsJSON(self))})
		return f.user(acct, "attacker", f.inline(allowStmt(s.Actions[0], testRoleARN(acct, "target"))))
	case "iam-create-policy-version-assume-role":
		f.role(acct, "target", []string{trustStmt(awsJSON(self))}, f.managed("target-policy", allowStmt("s3:GetObject", "*")))
		return f.user(acct, "attacker", f.inline(allowStmt("iam:CreatePolicyVersion", "arn:aws:iam::"+acct+":policy/target-policy")))
	case "iam-attach-role-policy-update-trust", "iam-put-role-policy-update-trust":
		f.role(acct, "target", []string{ec2Trust})
		return f.user(acct, "attacker", f.inline(allowStmt(s.Actions[0]+",iam:UpdateAssumeRolePolicy", testRoleARN(acct, "target"))))
	case "iam-create-policy-version-update-trust":
		f.role(acct, "target", []string{ec2Trust}, f.managed("target-policy", allowStmt("s3:GetObject", "*")))
		return f.user(acct, "attacker",
			f.inline(allowStmt("iam:CreatePolicyVersion", "arn:aws:iam::"+acct+":policy/target-policy"), allowStmt("iam:UpdateAssumeRolePolicy", testRoleARN(acct, "target"))))
	case "iam-attach-user-policy-create-access-key", "iam-put-user-policy-create-access-key":
		f.user(acct, "victim")
		return f.user(acct, "attacker", f.inline(allowStmt(s.Actions[0]+",iam:CreateAccessKey", testUserARN(acct, "victim"))))
	case "sts-tag-session":
		f.role(acct, "abac", []string{`{"Effect":"Allow","Principal":{"AWS":"` + self + `"},"Action":["sts:AssumeRole","sts:TagSession"]}`}, f.inline(tagged))
		return f.user(acct, "attacker")
	case "sts-assume-role":
		f.admin(trustStmt(awsJSON(self)))
		return f.user(acct, "attacker")
	case "iam-update-assume-role-policy":
		f.admin(ec2Trust)
		return f.user(acct, "attacker", f.inline(allowStmt("iam:UpdateAssumeRolePolicy", testRoleARN(acct, "admin"))))
	case "iam-create-access-key", "iam-create-login-profile", "iam-update-login-profile":
		f.user(acct, "boss", f.adminPolicy())
		return f.user(acct, "attacker", f.inline(allowStmt(s.Actions[0], testUserARN(acct, "boss"))))
	}
	switch s.family {
	case passRole:
		admin := f.admin(trustStmt(serviceJSON(s.service)))
		if s.profile {
			admin.InstanceProfiles = []string{"arn:aws:iam::" + acct + ":instance-profile/admin"}
		}
		if s.kind != "" {
			f.workload(s.kind, workloadARNs[s.kind], f.role(acct, "app", []string{trustStmt(serviceJSON(s.service))}))
		}
		return f.user(acct, "attacker", f.inline(allowStmt(strings.Join(s.Actions, ","), "*")))
	case workload:
		f.workload(s.kind, workloadARNs[s.kind], f.admin(trustStmt(serviceJSON("ec2.amazonaws.com"))))
		return f.user(acct, "attacker", f.inline(allowStmt(strings.Join(s.Actions, ","), "*")))
	case profileSwap:
		admin := f.admin(ec2Trust)
		admin.InstanceProfiles = []string{"arn:aws:iam::" + acct + ":instance-profile/admin"}
		web := f.role(acct, "web", []string{ec2Trust})
		web.InstanceProfiles = []string{"arn:aws:iam::" + acct + ":instance-profile/web"}
		f.workload(iam.EC2Instance, workloadARNs[iam.EC2Instance], web)
		return f.user(acct, "attacker", f.inline(allowStmt(strings.Join(s.Actions, ","), "*")))
	}
	return nil
}

// TestEveryTechnique runs each technique alone on an estate built for it:
// the attacker must escalate in one step of that technique, certainly.
func TestEveryTechnique(t *testing.T) {
	for _, s := range specs() {
		t.Run(s.ID, func(t *testing.T) {
			f := newFixture(t)
			attacker := positive(f, s)
			if attacker == nil {
				t.Fatalf("no positive case for %s", s.ID)
			}
			res, err := Analyze(context.Background(), f.e, Options{Techniques: []string{s.ID}})
			if err != nil {
				t.Fatal(err)
			}
			path, ok := pathOf(res, attacker)
			if !ok {
				t.Fatalf("%s: no path for %s; want one by %s", s.ID, attacker, s.ID)
			}
			if got := techniqueIDs(path); len(got) != 1 || got[0] != s.ID || path.Conditional {
				t.Errorf("path %v (conditional %v), want [%s] certain", got, path.Conditional, s.ID)
			}
			for _, st := range path.Edges[0].Steps {
				if !st.Decision.Certain() || len(st.Decision.Allowed) == 0 {
					t.Errorf("step %s on %s: decision %+v, want certain with the statements allowing it", st.Action, st.Resource, st.Decision)
				}
			}
		})
	}
}

func pathOf(res *Result, p *iam.Principal) (Path, bool) {
	for _, path := range res.Paths {
		if path.Principal == p {
			return path, true
		}
	}
	return Path{}, false
}

func techniqueIDs(p Path) []string {
	var ids []string
	for _, e := range p.Edges {
		ids = append(ids, e.Technique.ID)
	}
	return ids
}
