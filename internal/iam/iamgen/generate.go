package iamgen

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/iam/catalog"
	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// Config sizes a generated estate.
type Config struct {
	Seed uint64
	// Principals is the number of users, roles and groups.
	Principals int
	// Policies is the number of customer managed and inline identity
	// policies; trust policies, boundaries and AWS managed policies come on
	// top.
	Policies int
	// Accounts is the number of accounts; 0 gives one per 1,000
	// principals.
	Accounts int
}

// Generate builds an estate from cfg. The same Config gives the same
// estate.
func Generate(cfg Config) *iam.Estate {
	g := &gen{
		cfg:     cfg,
		r:       rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15)),
		e:       &iam.Estate{Partition: "aws", Accounts: map[string]*iam.Account{}},
		cat:     catalog.Load(),
		aws:     map[string]*iam.Policy{},
		own:     map[*iam.Principal][]*iam.Policy{},
		byAcct:  map[string]*account{},
		regions: []string{"us-east-1", "eu-west-1", "ap-southeast-2"},
	}
	g.accounts()
	g.managedPool()
	nGroups := cfg.Principals / 20
	nRoles := cfg.Principals * 55 / 100
	nUsers := cfg.Principals - nGroups - nRoles
	for i := range nGroups {
		g.group(i)
	}
	for i := range nRoles {
		g.role(i)
	}
	for i := range nUsers {
		g.user(i)
	}
	g.topUp()
	g.inherit()
	return g.e
}

type gen struct {
	cfg      Config
	r        *rand.Rand
	e        *iam.Estate
	cat      *catalog.Catalog
	accts    []*account
	byAcct   map[string]*account
	aws      map[string]*iam.Policy
	own      map[*iam.Principal][]*iam.Policy
	regions  []string
	policies int
	seq      int
}

// account is one account of the estate with what principals draw from.
type account struct {
	id     string
	pool   []*iam.Policy // customer managed policies
	groups []*iam.Principal
	users  []*iam.Principal
	roles  []*iam.Principal
	admins *iam.Principal // the administrators group
	bound  *iam.Policy    // the permissions boundary developers' roles get
}

func (g *gen) accounts() {
	n := g.cfg.Accounts
	if n == 0 {
		n = max(1, g.cfg.Principals/1000)
	}
	for i := range n {
		a := &account{id: fmt.Sprintf("%012d", 100000000000+i)}
		acct := &iam.Account{ID: a.id, OrgID: "o-vigilgen01"}
		if i%5 == 4 {
			// A guardrail SCP: these accounts have no admin at all.
			acct.Levels = []iam.OrgLevel{{Name: "Root", SCPs: []*iam.Policy{
				g.policy(iam.SCP, "FullAWSAccess", `{"Effect":"Allow","Action":"*","Resource":"*"}`),
				g.policy(iam.SCP, "DenyLeaveOrg", `{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}`),
			}}}
		}
		g.e.Accounts[a.id] = acct
		a.bound = g.policy(iam.BoundaryPolicy, "developer-boundary",
			`{"Effect":"Allow","Action":["s3:*","dynamodb:*","lambda:*","logs:*","sqs:*","sns:*","cloudwatch:*","xray:*"],"Resource":"*"}`)
		a.bound.ARN = "arn:aws:iam::" + a.id + ":policy/developer-boundary"
		g.accts = append(g.accts, a)
		g.byAcct[a.id] = a
	}
}

// managedPool creates the customer managed policies, 30% of the budget.
func (g *gen) managedPool() {
	n := g.cfg.Policies * 3 / 10
	for i := range n {
		a := g.accts[i%len(g.accts)]
		name := fmt.Sprintf("team-%d-policy", i)
		var stmts []string
		for range 1 + g.r.IntN(4) {
			stmts = append(stmts, g.statement(a.id, g.r.IntN(4) == 0))
		}
		p := g.policy(iam.IdentityPolicy, name, stmts...)
		p.ARN = "arn:aws:iam::" + a.id + ":policy/" + name
		a.pool = append(a.pool, p)
		g.policies++
	}
}

// policy builds a policy from its statements.
func (g *gen) policy(kind iam.PolicyKind, name string, stmts ...string) *iam.Policy {
	text := `{"Version":"2012-10-17","Statement":[` + strings.Join(stmts, ",") + `]}`
	return iam.NewPolicy(kind, name, iammodel.ParseDocument(model.Set(text, model.Origin{})))
}

// awsManaged returns an AWS managed policy from the catalogue, built once.
func (g *gen) awsManaged(name string) *iam.Policy {
	if p, ok := g.aws[name]; ok {
		return p
	}
	arn, ok := g.cat.ManagedPolicyARN(name)
	var p *iam.Policy
	if ok {
		if text, ok := g.cat.ManagedPolicy(arn); ok {
			p = iam.NewPolicy(iam.IdentityPolicy, name, iammodel.ParseDocument(model.Set(text, model.Origin{ARN: arn})))
			p.ARN = arn
		}
	}
	g.aws[name] = p
	return p
}

func (g *gen) attachAWS(p *iam.Principal, name string) {
	if pol := g.awsManaged(name); pol != nil {
		g.own[p] = append(g.own[p], pol)
	}
}

// inline adds an inline policy of n statements to p.
func (g *gen) inline(p *iam.Principal, stmts ...string) {
	g.seq++
	g.own[p] = append(g.own[p], g.policy(iam.IdentityPolicy, fmt.Sprintf("inline-%d", g.seq), stmts...))
	g.policies++
}

// attachPool attaches up to n of the account's customer managed policies.
func (g *gen) attachPool(p *iam.Principal, a *account, n int) {
	for range n {
		if len(a.pool) == 0 {
			return
		}
		g.own[p] = append(g.own[p], a.pool[g.r.IntN(len(a.pool))])
	}
}

func (g *gen) pick() *account { return g.accts[g.r.IntN(len(g.accts))] }

func (g *gen) principal(typ iam.PrincipalType, a *account, name string) *iam.Principal {
	kind := map[iam.PrincipalType]string{iam.User: "user", iam.Role: "role", iam.Group: "group"}[typ]
	p := &iam.Principal{
		Type: typ, Account: a.id, Name: name, Path: "/",
		ARN:  "arn:aws:iam::" + a.id + ":" + kind + "/" + name,
		Tags: map[string]string{"team": fmt.Sprintf("team-%d", g.r.IntN(40))}, TagsKnown: true,
		Complete: true,
	}
	g.e.Add(p)
	return p
}

func (g *gen) group(i int) {
	a := g.accts[i%len(g.accts)]
	if a.admins == nil {
		a.admins = g.principal(iam.Group, a, "administrators")
		g.attachAWS(a.admins, "AdministratorAccess")
		a.groups = append(a.groups, a.admins)
		return
	}
	p := g.principal(iam.Group, a, fmt.Sprintf("group-%d", i))
	switch x := g.r.IntN(10); {
	case x < 3:
		g.attachAWS(p, "ReadOnlyAccess")
	case x < 4:
		g.attachAWS(p, "PowerUserAccess")
	case x < 5:
		g.attachAWS(p, "ViewOnlyAccess")
	case x < 6:
		g.attachAWS(p, "IAMReadOnlyAccess")
	}
	// Humans manage their own credentials, and many must use MFA.
	g.inline(p, selfCredentials(a.id))
	if g.r.IntN(3) == 0 {
		g.inline(p, forceMFA)
	}
	g.attachPool(p, a, g.r.IntN(3))
	a.groups = append(a.groups, p)
}

// serviceKinds are the services roles run as, weighted.
var serviceKinds = []struct {
	service string
	kind    iam.WorkloadKind
	weight  int
}{
	{"lambda.amazonaws.com", iam.LambdaFunction, 35},
	{"ec2.amazonaws.com", iam.EC2Instance, 15},
	{"ecs-tasks.amazonaws.com", iam.ECSTaskDefinition, 10},
	{"glue.amazonaws.com", iam.GlueJob, 3},
	{"codebuild.amazonaws.com", iam.CodeBuildProject, 3},
	{"states.amazonaws.com", iam.StepFunction, 2},
	{"sagemaker.amazonaws.com", iam.SageMakerNotebook, 1},
	{"cloudformation.amazonaws.com", iam.CloudFormation, 1},
}

func (g *gen) role(i int) {
	a := g.pick()
	name := fmt.Sprintf("svc-%d-role", i)
	x := g.r.IntN(100)
	switch {
	case x < 70:
		g.serviceRole(a, name, x)
	case x < 90:
		g.humanRole(a, fmt.Sprintf("human-%d", i))
	default:
		g.ciRole(a, fmt.Sprintf("ci-%d", i))
	}
}

func (g *gen) serviceRole(a *account, name string, x int) {
	sk := serviceKinds[0]
	for _, k := range serviceKinds {
		if x < k.weight {
			sk = k
			break
		}
		x -= k.weight
	}
	p := g.principal(iam.Role, a, name)
	p.Trust = g.policy(iam.ResourcePolicy, "AssumeRolePolicyDocument", trustService(sk.service, a.id, g.r.IntN(4) == 0))
	region := g.regions[g.r.IntN(len(g.regions))]
	var arn string
	switch sk.kind {
	case iam.LambdaFunction:
		g.attachAWS(p, "AWSLambdaBasicExecutionRole")
		arn = fmt.Sprintf("arn:aws:lambda:%s:%s:function:%s-fn", region, a.id, name)
	case iam.EC2Instance:
		g.attachAWS(p, "AmazonSSMManagedInstanceCore")
		p.InstanceProfiles = []string{"arn:aws:iam::" + a.id + ":instance-profile/" + name}
		arn = fmt.Sprintf("arn:aws:ec2:%s:%s:instance/i-%017x", region, a.id, g.r.Uint64()>>4)
	case iam.ECSTaskDefinition:
		arn = fmt.Sprintf("arn:aws:ecs:%s:%s:task-definition/%s:1", region, a.id, name)
	case iam.GlueJob:
		arn = fmt.Sprintf("arn:aws:glue:%s:%s:job/%s", region, a.id, name)
	case iam.CodeBuildProject:
		arn = fmt.Sprintf("arn:aws:codebuild:%s:%s:project/%s", region, a.id, name)
	case iam.StepFunction:
		arn = fmt.Sprintf("arn:aws:states:%s:%s:stateMachine:%s", region, a.id, name)
	case iam.SageMakerNotebook:
		arn = fmt.Sprintf("arn:aws:sagemaker:%s:%s:notebook-instance/%s", region, a.id, name)
	case iam.CloudFormation:
		arn = fmt.Sprintf("arn:aws:cloudformation:%s:%s:stack/%s/1", region, a.id, name)
	}
	switch y := g.r.IntN(1000); {
	case y < 8:
		// The deployment role or automation that was given everything.
		g.attachAWS(p, "AdministratorAccess")
	case y < 20:
		g.inline(p, `{"Effect":"Allow","Action":"iam:*","Resource":"*"}`, g.statement(a.id, false))
	default:
		var stmts []string
		for range 1 + g.r.IntN(3) {
			stmts = append(stmts, g.statement(a.id, false))
		}
		g.inline(p, stmts...)
		g.attachPool(p, a, g.r.IntN(2))
	}
	if g.r.IntN(20) == 0 {
		p.Boundary = a.bound
	}
	g.e.Workloads = append(g.e.Workloads, &iam.Workload{Kind: sk.kind, ARN: arn, Account: a.id, Role: p})
	a.roles = append(a.roles, p)
}

// humanRole is a role people assume from the identity account.
func (g *gen) humanRole(a *account, name string) {
	p := g.principal(iam.Role, a, name)
	idp := g.accts[0].id
	p.Trust = g.policy(iam.ResourcePolicy, "AssumeRolePolicyDocument", trustAccount(idp, g.r.IntN(2) == 0))
	switch x := g.r.IntN(100); {
	case x < 5:
		g.attachAWS(p, "AdministratorAccess")
	case x < 50:
		g.attachAWS(p, "ReadOnlyAccess")
	case x < 65:
		g.attachAWS(p, "PowerUserAccess")
	default:
		g.inline(p, g.statement(a.id, true), g.statement(a.id, true))
		g.attachPool(p, a, 1+g.r.IntN(2))
	}
	a.roles = append(a.roles, p)
}

// ciRole is a deployment role a CI user or role assumes.
func (g *gen) ciRole(a *account, name string) {
	p := g.principal(iam.Role, a, name)
	caller := "arn:aws:iam::" + a.id + ":user/ci-" + name
	if len(a.roles) > 0 && g.r.IntN(2) == 0 {
		caller = a.roles[g.r.IntN(len(a.roles))].ARN
	}
	p.Trust = g.policy(iam.ResourcePolicy, "AssumeRolePolicyDocument",
		`{"Effect":"Allow","Principal":{"AWS":"`+caller+`"},"Action":["sts:AssumeRole","sts:TagSession"]}`)
	n := g.r.IntN(1000)
	g.inline(p, deployStatements(a.id, n, g.regions[n%3])...)
	if g.r.IntN(8) == 0 {
		// Deploys anything: passes any role to Lambda.
		g.inline(p, `{"Effect":"Allow","Action":["iam:PassRole","lambda:CreateFunction","lambda:InvokeFunction"],"Resource":"*"}`)
	}
	g.attachPool(p, a, g.r.IntN(2))
	a.roles = append(a.roles, p)
}

func (g *gen) user(i int) {
	a := g.pick()
	if g.r.IntN(100) < 15 {
		p := g.principal(iam.User, a, fmt.Sprintf("svc-user-%d", i))
		var stmts []string
		for range 1 + g.r.IntN(3) {
			stmts = append(stmts, g.statement(a.id, false))
		}
		g.inline(p, stmts...)
		a.users = append(a.users, p)
		return
	}
	p := g.principal(iam.User, a, fmt.Sprintf("user-%d", i))
	if len(a.groups) > 0 {
		n := 1 + g.r.IntN(3)
		for range n {
			grp := a.groups[g.r.IntN(len(a.groups))]
			if grp == a.admins && g.r.IntN(10) != 0 {
				continue // few join the administrators
			}
			if !contains(p.Groups, grp) {
				p.Groups = append(p.Groups, grp)
				grp.Members = append(grp.Members, p)
			}
		}
	}
	if g.r.IntN(4) == 0 {
		g.inline(p, g.statement(a.id, true))
	}
	g.attachPool(p, a, g.r.IntN(2))
	a.users = append(a.users, p)
}

// topUp adds inline policies to random principals until the budget is
// spent.
func (g *gen) topUp() {
	for g.policies < g.cfg.Policies {
		a := g.pick()
		var ps []*iam.Principal
		switch g.r.IntN(3) {
		case 0:
			ps = a.users
		case 1:
			ps = a.roles
		default:
			ps = a.groups
		}
		if len(ps) == 0 {
			ps = a.roles
		}
		if len(ps) == 0 {
			g.policies++
			continue
		}
		p := ps[g.r.IntN(len(ps))]
		g.inline(p, g.statement(a.id, p.Type != iam.Role))
	}
}

// inherit sets every principal's policies: its own and, for users, their
// groups' with Via naming the group, as awsestate does.
func (g *gen) inherit() {
	inherited := map[*iam.Principal][]*iam.Policy{}
	for _, p := range g.e.Principals {
		p.Policies = g.own[p]
		if p.Type != iam.Group {
			continue
		}
		for _, gp := range p.Policies {
			c := iam.NewPolicy(gp.Kind, gp.Name, gp.Document)
			c.ARN, c.Via = gp.ARN, "group/"+p.Name
			inherited[p] = append(inherited[p], c)
		}
	}
	for _, p := range g.e.Principals {
		for _, grp := range p.Groups {
			p.Policies = append(p.Policies, inherited[grp]...)
		}
	}
}

func contains(ps []*iam.Principal, p *iam.Principal) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}
