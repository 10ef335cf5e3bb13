package iam_test

import (
	"context"
	"encoding/json"
	"sort"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/source/terraform"
	iamadapt "github.com/vigil-sec/vigil/internal/source/tfaws/iam"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

func load(t *testing.T, src string) *tfres.Set {
	t.Helper()
	res, err := terraform.Load(context.Background(), fstest.MapFS{"main.tf": {Data: []byte(src)}}, ".", terraform.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diagnostics.HasErrors() {
		t.Fatalf("load: %v", res.Diagnostics)
	}
	return tfres.NewSet(res.Resources)
}

func str(v model.String) string {
	if s, ok := v.Get(); ok {
		return s
	}
	return "?"
}

// identity summarizes what the joins attached to one identity.
type identity struct {
	Inline   []string
	Attached []string
	Groups   []string
	Complete bool
}

func summarize(id *iam.Identity, groups []*iam.Membership) identity {
	out := identity{Complete: id.PoliciesComplete}
	for _, p := range id.InlinePolicies {
		out.Inline = append(out.Inline, str(p.PolicyName))
	}
	for _, a := range id.AttachedPolicies {
		name := str(a.PolicyARN)
		if a.Policy != nil {
			name = "policy:" + str(a.Policy.PolicyName)
		}
		out.Attached = append(out.Attached, name)
	}
	for _, m := range groups {
		out.Groups = append(out.Groups, str(m.GroupName))
	}
	sort.Strings(out.Inline)
	sort.Strings(out.Attached)
	sort.Strings(out.Groups)
	return out
}

func TestAdaptJoins(t *testing.T) {
	const src = `
variable "role" {
  type = string
}

resource "aws_iam_policy" "deploy" {
  name   = "deploy"
  path   = "/team/"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_group" "dev" {
  name = "dev"
}

resource "aws_iam_role" "app" {
  name                = "app"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
  managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
  inline_policy {
    name   = "inline-block"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sqs:*", Resource = "*" }] })
  }
}

resource "aws_iam_user_policy" "alice" {
  name   = "alice-inline"
  user   = aws_iam_user.alice.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}

resource "aws_iam_group_policy_attachment" "dev" {
  group      = "dev"
  policy_arn = aws_iam_policy.deploy.arn
}

# A literal ARN naming the policy defined above.
resource "aws_iam_policy_attachment" "shared" {
  name       = "shared"
  users      = [aws_iam_user.alice.name]
  roles      = ["app"]
  policy_arn = "arn:aws:iam::111122223333:policy/team/deploy"
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.dev.name, "external"]
}

# Cannot be attributed: every role's policy list becomes incomplete.
resource "aws_iam_role_policy" "unknown" {
  name   = "unknown"
  role   = var.role
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "ec2:*", Resource = "*" }] })
}
`
	st := iamadapt.Adapt(load(t, src))
	got := map[string]identity{}
	for _, u := range st.Users {
		got["user."+u.Name] = summarize(&u.Identity, u.Groups)
	}
	for _, g := range st.Groups {
		got["group."+g.Name] = summarize(&g.Identity, g.Members)
	}
	for _, r := range st.Roles {
		got["role."+r.Name] = summarize(&r.Identity, nil)
	}
	want := map[string]identity{
		"user.alice": {
			Inline:   []string{"alice-inline"},
			Attached: []string{"policy:deploy"},
			Groups:   []string{"dev", "external"},
			Complete: true,
		},
		"group.dev": {Attached: []string{"policy:deploy"}, Groups: []string{"dev"}, Complete: true},
		"role.app": {
			Inline:   []string{"inline-block"},
			Attached: []string{"arn:aws:iam::aws:policy/ReadOnlyAccess", "policy:deploy"},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("joins (-want +got):\n%s", diff)
	}
	if n := len(st.InlinePolicies); n != 3 {
		t.Errorf("%d inline policies, want 3 (the unattributed one included)", n)
	}
	deploy := 0
	for _, a := range st.Attachments {
		if a.Policy == st.Policies[0] {
			deploy++
		}
	}
	if deploy != 3 {
		t.Errorf("policy deploy has %d attachments, want 3", deploy)
	}
	// Links back to identities are IDs, so the state has no pointer cycle.
	if _, err := json.Marshal(st); err != nil {
		t.Errorf("marshal state: %v", err)
	}
	for _, m := range st.Memberships {
		if m.UserID != "aws_iam_user.alice" {
			t.Errorf("membership %s user = %q, want aws_iam_user.alice", str(m.GroupName), m.UserID)
		}
	}
}

// TestAdaptDataSourceLinks checks that attachments and instance profiles
// naming data sources (identities and policies defined outside the source)
// are read without a panic and without a link.
func TestAdaptDataSourceLinks(t *testing.T) {
	set := load(t, `
data "aws_iam_policy" "ro" {
  name = "ReadOnlyAccess"
}

data "aws_iam_role" "existing" {
  name = "existing"
}

resource "aws_iam_role_policy_attachment" "a" {
  role       = data.aws_iam_role.existing.name
  policy_arn = data.aws_iam_policy.ro.arn
}

resource "aws_iam_instance_profile" "p" {
  name = "p"
  role = data.aws_iam_role.existing.name
}
`)
	st := iamadapt.Adapt(set)
	if len(st.Attachments) != 1 || st.Attachments[0].Policy != nil || st.Attachments[0].TargetID != "" {
		t.Errorf("attachment = %+v", st.Attachments)
	}
	if len(st.InstanceProfiles) != 1 || st.InstanceProfiles[0].RoleID != "" {
		t.Errorf("instance profile = %+v", st.InstanceProfiles)
	}
}

// TestAdaptBoundaryPolicy checks that a permissions boundary naming a policy
// of the source, by reference or by its literal ARN, links to it.
func TestAdaptBoundaryPolicy(t *testing.T) {
	st := iamadapt.Adapt(load(t, `
resource "aws_iam_policy" "b" {
  name   = "boundary"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
}

resource "aws_iam_user" "u" {
  name                 = "u"
  permissions_boundary = aws_iam_policy.b.arn
}

resource "aws_iam_role" "r" {
  name                 = "r"
  assume_role_policy   = "{}"
  permissions_boundary = "arn:aws:iam::111122223333:policy/boundary"
}

resource "aws_iam_role" "other" {
  name                 = "other"
  assume_role_policy   = "{}"
  permissions_boundary = "arn:aws:iam::aws:policy/PowerUserAccess"
}
`))
	if st.Users[0].BoundaryPolicy != st.Policies[0] {
		t.Errorf("user boundary by reference: %+v", st.Users[0].BoundaryPolicy)
	}
	roles := map[string]*iam.Role{}
	for _, r := range st.Roles {
		roles[r.ID] = r
	}
	if r := roles["aws_iam_role.r"]; r.BoundaryPolicy != st.Policies[0] {
		t.Errorf("role boundary by literal ARN: %+v", r.BoundaryPolicy)
	}
	if r := roles["aws_iam_role.other"]; r.BoundaryPolicy != nil || !r.PermissionsBoundary.Is("arn:aws:iam::aws:policy/PowerUserAccess") {
		t.Errorf("AWS managed boundary: %+v", r.BoundaryPolicy)
	}
}
