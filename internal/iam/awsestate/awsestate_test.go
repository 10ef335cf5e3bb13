package awsestate_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/iam/awsestate"
	"github.com/vigil-sec/vigil/internal/model/aws"
	"github.com/vigil-sec/vigil/internal/source/awsiam"
	"github.com/vigil-sec/vigil/internal/source/terraform"
	"github.com/vigil-sec/vigil/internal/source/tfaws"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// load adapts the Terraform configuration in testdata/dir.
func load(t testing.TB, dir string) *aws.State {
	t.Helper()
	res, err := terraform.Load(context.Background(), os.DirFS("testdata/"+dir), ".", terraform.Options{})
	if err != nil {
		t.Fatalf("load %s: %v", dir, err)
	}
	if res.Diagnostics.HasErrors() {
		t.Fatalf("load %s: %v", dir, res.Diagnostics)
	}
	return tfaws.Adapt(tfres.NewSet(res.Resources))
}

// principal summarizes what Build made of one principal.
type principal struct {
	ARN string
	// Policies are labels, with " ?" when the document is not known.
	Policies         []string
	Groups, Members  []string
	Boundary         string
	Trust            string
	InstanceProfiles []string
	Tags             map[string]string
	ServiceLinked    bool
	Complete         bool
}

func label(p *iam.Policy) string {
	if p == nil {
		return ""
	}
	s := p.Label()
	if !p.Document.Known() {
		s += " ?"
	}
	return s
}

func names(ps []*iam.Principal) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func summarize(p *iam.Principal) principal {
	out := principal{
		ARN:              p.ARN,
		Groups:           names(p.Groups),
		Members:          names(p.Members),
		Boundary:         label(p.Boundary),
		Trust:            label(p.Trust),
		InstanceProfiles: p.InstanceProfiles,
		Tags:             p.Tags,
		ServiceLinked:    p.ServiceLinked,
		Complete:         p.Complete,
	}
	for _, pol := range p.Policies {
		out.Policies = append(out.Policies, label(pol))
	}
	return out
}

const acct = awsestate.PlaceholderAccount

func TestBuildPrincipals(t *testing.T) {
	e := awsestate.Build(load(t, "estate"), awsestate.Options{})
	const (
		admin   = "identity policy AdministratorAccess"
		trust   = "resource policy AssumeRolePolicyDocument"
		opsRead = "identity policy read (via group/ops)"
	)
	for _, tt := range []struct {
		sel  string
		want principal
	}{
		{"user/alice", principal{
			ARN:      "arn:aws:iam::" + acct + ":user/staff/alice",
			Policies: []string{"identity policy own", opsRead, admin + " (via group/ops)"},
			Groups:   []string{"group/ops"},
			Tags:     map[string]string{"team": "ops"},
			Complete: true,
		}},
		{"user/bob", principal{
			ARN:      "arn:aws:iam::" + acct + ":user/bob",
			Policies: []string{"identity policy deploy"},
			Complete: true,
		}},
		{"user/carol", principal{
			ARN:      "arn:aws:iam::" + acct + ":user/carol",
			Policies: []string{opsRead, admin + " (via group/ops)"},
			Groups:   []string{"group/ops"},
			Complete: true,
		}},
		{"group/ops", principal{
			ARN:      "arn:aws:iam::" + acct + ":group/ops",
			Policies: []string{"identity policy read", admin},
			Members:  []string{"user/alice", "user/carol"},
			Complete: true,
		}},
		{"user/dave", principal{
			ARN:      "arn:aws:iam::" + acct + ":user/dave",
			Policies: []string{"identity policy (unnamed) ?"},
		}},
		{"user/erin", principal{
			ARN:      "arn:aws:iam::" + acct + ":user/erin",
			Policies: []string{"identity policy outside ?"},
		}},
		{"user/frank", principal{
			ARN: "arn:aws:iam::" + acct + ":user/frank",
		}},
		{"role/app", principal{
			ARN:              "arn:aws:iam::" + acct + ":role/app",
			Policies:         []string{"identity policy deploy", "identity policy ReadOnlyAccess"},
			Boundary:         "permissions boundary policy PowerUserAccess",
			Trust:            trust,
			InstanceProfiles: []string{"arn:aws:iam::" + acct + ":instance-profile/app-profile"},
			Complete:         true,
		}},
		{"aws_iam_role.gen", principal{
			ARN:   "arn:aws:iam::" + acct + ":role/gen",
			Trust: trust,
		}},
		{"role/bounded", principal{
			ARN:      "arn:aws:iam::" + acct + ":role/bounded",
			Boundary: "permissions boundary policy boundary",
			Trust:    trust,
			Complete: true,
		}},
		{"role/AWSServiceRoleForAutoScaling", principal{
			ARN:           "arn:aws:iam::" + acct + ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling",
			Trust:         trust,
			ServiceLinked: true,
			Complete:      true,
		}},
	} {
		t.Run(tt.sel, func(t *testing.T) {
			p, err := e.Find(tt.sel)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, summarize(p)); diff != "" {
				t.Errorf("principal (-want +got):\n%s", diff)
			}
		})
	}
	if got, want := len(e.Principals), 11; got != want {
		t.Errorf("%d principals, want %d", got, want)
	}
}

// TestBuildShares checks that a policy attached to several principals, or
// inherited from one group by several users, is one value.
func TestBuildShares(t *testing.T) {
	e := awsestate.Build(load(t, "estate"), awsestate.Options{})
	find := func(sel string) *iam.Principal {
		p, err := e.Find(sel)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	alice, bob, carol, app := find("user/alice"), find("user/bob"), find("user/carol"), find("role/app")
	for _, tt := range []struct {
		name string
		a, b *iam.Policy
	}{
		{"customer managed policy of a user and a role", bob.Policies[0], app.Policies[0]},
		{"inline group policy of two members", alice.Policies[1], carol.Policies[0]},
		{"AWS managed group policy of two members", alice.Policies[2], carol.Policies[1]},
	} {
		if tt.a != tt.b {
			t.Errorf("%s: %s and %s are different values", tt.name, tt.a.Label(), tt.b.Label())
		}
	}
}

func TestBuildManagedPolicyDocuments(t *testing.T) {
	e := awsestate.Build(load(t, "estate"), awsestate.Options{})
	ops, err := e.Find("group/ops")
	if err != nil {
		t.Fatal(err)
	}
	adm := ops.Policies[1]
	if adm.ARN != "arn:aws:iam::aws:policy/AdministratorAccess" || !adm.Document.Known() {
		t.Fatalf("AdministratorAccess: ARN %q, document known %v", adm.ARN, adm.Document.Known())
	}
	st := adm.Document.Statements
	if len(st) != 1 || !st[0].IsAllow() || !slices.Equal(st[0].Action, []string{"*"}) || !slices.Equal(st[0].Resource, []string{"*"}) {
		t.Errorf("AdministratorAccess statements = %+v, want one allowing * on *", st)
	}
	// AdministratorAccess reaches members of ops through the group.
	for _, tt := range []struct {
		sel   string
		admin bool
	}{{"user/carol", true}, {"user/bob", false}} {
		p, err := e.Find(tt.sel)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.IsAdmin(p); got != tt.admin {
			t.Errorf("IsAdmin(%s) = %v, want %v", tt.sel, got, tt.admin)
		}
	}
	bob, err := e.Find("user/bob")
	if err != nil {
		t.Fatal(err)
	}
	if got := bob.Policies[0].Source.ID; got != "aws_iam_policy.deploy" {
		t.Errorf("deploy policy source = %q, want aws_iam_policy.deploy", got)
	}
}

func TestBuildResources(t *testing.T) {
	e := awsestate.Build(load(t, "estate"), awsestate.Options{})
	type resource struct {
		Type, Account string
		Statements    int
		Known         bool
	}
	got := map[string]resource{}
	for _, r := range e.Resources {
		got[r.ARN] = resource{r.Type, r.Account, len(r.Policy.Document.Statements), r.Policy.Document.Known()}
	}
	want := map[string]resource{
		"arn:aws:s3:::uploads":                     {"aws_s3_bucket", acct, 1, true},
		"arn:aws:kms::" + acct + ":key/data":       {"aws_kms_key", acct, 1, true},
		"arn:aws:sqs::" + acct + ":jobs":           {"aws_sqs_queue", acct, 0, false},
		"arn:aws:lambda::" + acct + ":function:fn": {"aws_lambda_function", acct, 1, true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("resources (-want +got):\n%s", diff)
	}
	fn := e.ResourceByARN("arn:aws:lambda::" + acct + ":function:fn")
	if fn == nil {
		t.Fatal("no function policy")
	}
	st := fn.Policy.Document.Statements[0]
	if !slices.Equal(st.Principal.Service, []string{"s3.amazonaws.com"}) || !st.HasCondition("aws:SourceArn") || st.Origin.Range.StartLine == 0 {
		t.Errorf("function policy statement = %+v", st)
	}
	key := e.ResourceByARN("arn:aws:kms::" + acct + ":key/data")
	if key == nil || !slices.Equal(key.Policy.Document.Statements[0].Principal.AWS, []string{"arn:aws:iam::" + acct + ":root"}) {
		t.Errorf("key policy is not AWS's default for the account")
	}
}

func TestBuildWorkloads(t *testing.T) {
	e := awsestate.Build(load(t, "estate"), awsestate.Options{})
	got := map[string]string{}
	for _, w := range e.Workloads {
		role := "?"
		if w.Role != nil {
			role = w.Role.String()
		}
		got[string(w.Kind)+" "+w.Resource.ID] = role
	}
	want := map[string]string{
		"ec2-instance aws_instance.app":                    "role/app",
		"lambda-function aws_lambda_function.fn":           "role/bounded",
		"lambda-function aws_lambda_function.computed_fn":  "role/gen",
		"ecs-task-definition aws_ecs_task_definition.task": "role/app",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("workloads (-want +got):\n%s", diff)
	}
}

func TestBuildAccountOptions(t *testing.T) {
	st := load(t, "estate")
	for _, tt := range []struct {
		name string
		opts awsestate.Options
		want string
	}{
		{"placeholder", awsestate.Options{}, "arn:aws:iam::" + acct + ":role/app"},
		{"account and partition", awsestate.Options{Account: "111122223333", Partition: "aws-us-gov"}, "arn:aws-us-gov:iam::111122223333:role/app"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := awsestate.Build(st, tt.opts)
			p, err := e.Find("role/app")
			if err != nil {
				t.Fatal(err)
			}
			if p.ARN != tt.want {
				t.Errorf("ARN = %q, want %q", p.ARN, tt.want)
			}
			acctID := strings.Split(tt.want, ":")[4]
			if e.Accounts[acctID] == nil || len(e.Accounts) != 1 {
				t.Errorf("accounts = %v, want only %s", e.Accounts, acctID)
			}
		})
	}
}

// TestBuildSnapshot builds from a live snapshot, where the source knows
// ARNs, the account and managed policies' versions.
func TestBuildSnapshot(t *testing.T) {
	f, err := os.Open("../../source/awsiam/testdata/gaad.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, diags := awsiam.Load(f, "gaad.json")
	if diags.HasErrors() {
		t.Fatalf("load: %v", diags)
	}
	e := awsestate.Build(st, awsestate.Options{})
	const (
		live      = "arn:aws:iam::123456789012:"
		admin     = "identity policy AdministratorAccess"
		boundary  = "permissions boundary policy developer-boundary"
		trust     = "resource policy AssumeRolePolicyDocument"
		readOnly  = "identity policy ReadOnlyAccess (via group/developers)"
		readLogs  = "identity policy read-logs (via group/developers)"
		deployPol = "identity policy deploy"
	)
	for _, tt := range []struct {
		sel  string
		want principal
	}{
		{"user/alice", principal{
			ARN: live + "user/alice", Policies: []string{admin + " (via group/admins)"}, Groups: []string{"group/admins"}, Complete: true,
		}},
		// bob is also in contractors, which the snapshot does not hold.
		{"user/bob", principal{
			ARN: live + "user/engineering/bob", Policies: []string{"identity policy sqs-debug", deployPol, readLogs, readOnly},
			Groups: []string{"group/developers"}, Boundary: boundary,
		}},
		{"user/ci-legacy", principal{ARN: live + "user/ci-legacy", Policies: []string{admin}, Complete: true}},
		{"role/app-role", principal{
			ARN: live + "role/service/app-role", Policies: []string{"identity policy queue-access"}, Boundary: boundary, Trust: trust,
			InstanceProfiles: []string{live + "instance-profile/app-profile"}, Complete: true,
		}},
	} {
		t.Run(tt.sel, func(t *testing.T) {
			p, err := e.Find(tt.sel)
			if err != nil {
				t.Fatal(err)
			}
			got := summarize(p)
			got.Tags = nil
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("principal (-want +got):\n%s", diff)
			}
			if p.Account != "123456789012" {
				t.Errorf("account = %q", p.Account)
			}
		})
	}
	bob, err := e.Find("user/bob")
	if err != nil {
		t.Fatal(err)
	}
	if deploy := bob.Policies[1]; deploy.ARN != live+"policy/ci/deploy" || len(deploy.Versions) != 1 {
		t.Errorf("deploy: ARN %q with %d other versions, want the snapshot's ARN and 1", deploy.ARN, len(deploy.Versions))
	}
	if ro := bob.Policies[3]; !ro.Document.Known() {
		t.Error("ReadOnlyAccess, which the snapshot does not hold, is not read from the catalogue")
	}
	if e.Accounts["123456789012"] == nil || len(e.Accounts) != 1 {
		t.Errorf("accounts = %v, want only 123456789012", e.Accounts)
	}
}

func TestBuildLocalARNs(t *testing.T) {
	e := awsestate.Build(load(t, "local"), awsestate.Options{})
	alice, err := e.Find("user/alice")
	if err != nil {
		t.Fatal(err)
	}
	admin, err := e.Find("role/admin")
	if err != nil {
		t.Fatal(err)
	}
	if d := e.Evaluate(iam.Request{Principal: alice, Action: "sts:AssumeRole", Resource: admin.ARN}); !d.Certain() {
		t.Errorf("alice assuming admin: %+v", d)
	}
	got := admin.Trust.Document.Statements[1].Principal.AWS
	if want := []string{"arn:aws:iam::${unknown}:role/admin"}; !slices.Equal(got, want) {
		t.Errorf("a partner account's ARN was rewritten: %q", got)
	}
}
