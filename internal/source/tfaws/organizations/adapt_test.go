package organizations_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/organizations"
	"github.com/vigil-sec/vigil/internal/source/terraform"
	orgadapt "github.com/vigil-sec/vigil/internal/source/tfaws/organizations"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

const src = `
variable "parent" {
  type = string
}

resource "aws_organizations_organization" "org" {
  enabled_policy_types = ["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"]
}

data "aws_organizations_organization" "existing" {}

resource "aws_organizations_organizational_unit" "prod" {
  name      = "prod"
  parent_id = aws_organizations_organization.org.roots[0].id
}

resource "aws_organizations_organizational_unit" "web" {
  name      = "web"
  parent_id = aws_organizations_organizational_unit.prod.id
}

resource "aws_organizations_organizational_unit" "literal" {
  name      = "literal"
  parent_id = "r-a1b2"
}

resource "aws_organizations_organizational_unit" "variable" {
  name      = "variable"
  parent_id = var.parent
}

resource "aws_organizations_organizational_unit" "existing" {
  name      = "existing"
  parent_id = data.aws_organizations_organization.existing.roots[0].id
}

# Not a root: whatever master_account_id is, it is not read as one.
resource "aws_organizations_organizational_unit" "misread" {
  name      = "misread"
  parent_id = aws_organizations_organization.org.master_account_id
}

resource "aws_organizations_account" "app" {
  name      = "app"
  email     = "app@example.com"
  parent_id = aws_organizations_organizational_unit.web.id
}

resource "aws_organizations_account" "sandbox" {
  name      = "sandbox"
  email     = "sandbox@example.com"
  role_name = "Admin"
}

data "aws_iam_policy_document" "deny_leave" {
  statement {
    effect    = "Deny"
    actions   = ["organizations:LeaveOrganization"]
    resources = ["*"]
  }
}

resource "aws_organizations_policy" "deny_leave" {
  name    = "deny-leave"
  content = data.aws_iam_policy_document.deny_leave.json
}

resource "aws_organizations_policy" "rcp" {
  name    = "rcp"
  type    = "RESOURCE_CONTROL_POLICY"
  content = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:*", Resource = "*", Condition = { Bool = { "aws:SecureTransport" = "false" } } }] })
}

resource "aws_organizations_policy" "tags" {
  name    = "tags"
  type    = "TAG_POLICY"
  content = jsonencode({ tags = { team = { tag_key = { "@@assign" = "Team" } } } })
}

resource "aws_organizations_policy_attachment" "root" {
  policy_id = aws_organizations_policy.deny_leave.id
  target_id = aws_organizations_organization.org.roots[0].id
}

resource "aws_organizations_policy_attachment" "web" {
  policy_id = aws_organizations_policy.rcp.id
  target_id = aws_organizations_organizational_unit.web.id
}

resource "aws_organizations_policy_attachment" "app" {
  policy_id = aws_organizations_policy.tags.id
  target_id = aws_organizations_account.app.id
}

resource "aws_organizations_policy_attachment" "outside" {
  policy_id = "p-FullAWSAccess"
  target_id = "111122223333"
}

resource "aws_organizations_policy_attachment" "unknown" {
  policy_id = aws_organizations_policy.deny_leave.id
  target_id = var.parent
}
`

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

// str renders a value with its certainty: "value (explicit)", "?".
func str(v model.String) string {
	s, ok := v.Get()
	if !ok {
		return "?"
	}
	return s + " (" + v.Certainty.String() + ")"
}

func ref(r organizations.Ref) string { return string(r.Kind) + " " + str(r.ID) }

func TestAdaptHierarchy(t *testing.T) {
	st := orgadapt.Adapt(load(t, src))
	got := map[string]string{}
	for _, u := range st.Units {
		got[u.ID] = ref(u.Parent)
	}
	for _, a := range st.Accounts {
		got[a.ID] = ref(a.Parent) + " role " + str(a.AccessRoleName)
	}
	want := map[string]string{
		"aws_organizations_organizational_unit.prod":     "root aws_organizations_organization.org (explicit)",
		"aws_organizations_organizational_unit.web":      "organizational_unit aws_organizations_organizational_unit.prod (explicit)",
		"aws_organizations_organizational_unit.literal":  "root r-a1b2 (explicit)",
		"aws_organizations_organizational_unit.variable": " ?",
		"aws_organizations_organizational_unit.existing": "root data.aws_organizations_organization.existing (explicit)",
		"aws_organizations_organizational_unit.misread":  " ?",
		"aws_organizations_account.app":                  "organizational_unit aws_organizations_organizational_unit.web (explicit) role OrganizationAccountAccessRole (defaulted)",
		"aws_organizations_account.sandbox":              "root aws_organizations_organization.org (defaulted) role Admin (explicit)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parents (-want +got):\n%s", diff)
	}
	path, complete := st.Path(organizations.Ref{Kind: organizations.KindAccount, ID: model.Set("aws_organizations_account.app", model.Origin{})})
	if len(path) != 4 || !complete {
		t.Errorf("path of account app: %d nodes, complete %v; want 4, complete", len(path), complete)
	}

	if len(st.Organizations) != 1 {
		t.Fatalf("%d organizations, want 1", len(st.Organizations))
	}
	org := st.Organizations[0]
	if !org.FeatureSet.Is(organizations.FeatureSetAll) || !org.FeatureSet.Defaulted() {
		t.Errorf("feature set = %s, want ALL (defaulted)", str(org.FeatureSet))
	}
	if diff := cmp.Diff([]string{"SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"}, org.EnabledPolicyTypes.Values()); diff != "" || !org.EnabledPolicyTypes.Complete() {
		t.Errorf("enabled policy types (-want +got):\n%s", diff)
	}
	if org.RootID.Known() || org.OrganizationID.Known() || org.ManagementAccountID.Known() {
		t.Error("IDs AWS assigns must be unknown in IaC")
	}
}

func TestAdaptPolicies(t *testing.T) {
	st := orgadapt.Adapt(load(t, src))
	type policy struct {
		Type       string
		Known      bool
		Statements int
		Effect     string
	}
	got := map[string]policy{}
	for _, p := range st.Policies {
		got[p.Name] = policy{Type: str(p.Type), Known: p.Document.Known(), Statements: len(p.Document.Statements)}
		if len(p.Document.Statements) > 0 {
			got[p.Name] = policy{Type: str(p.Type), Known: true, Statements: len(p.Document.Statements), Effect: p.Document.Statements[0].Effect}
		}
	}
	want := map[string]policy{
		"deny-leave": {Type: "SERVICE_CONTROL_POLICY (defaulted)", Known: true, Statements: 1, Effect: "Deny"},
		"rcp":        {Type: "RESOURCE_CONTROL_POLICY (explicit)", Known: true, Statements: 1, Effect: "Deny"},
		// Tag policies are not in the IAM policy language.
		"tags": {Type: "TAG_POLICY (explicit)"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("policies (-want +got):\n%s", diff)
	}

	type attachment struct {
		Policy, Target string
		Defined        bool
	}
	gotAt := map[string]attachment{}
	for _, a := range st.Attachments {
		gotAt[a.Resource.ID] = attachment{Policy: str(a.PolicyID), Target: ref(a.Target), Defined: a.Policy != nil}
	}
	wantAt := map[string]attachment{
		"aws_organizations_policy_attachment.root":    {"aws_organizations_policy.deny_leave (explicit)", "root aws_organizations_organization.org (explicit)", true},
		"aws_organizations_policy_attachment.web":     {"aws_organizations_policy.rcp (explicit)", "organizational_unit aws_organizations_organizational_unit.web (explicit)", true},
		"aws_organizations_policy_attachment.app":     {"aws_organizations_policy.tags (explicit)", "account aws_organizations_account.app (explicit)", true},
		"aws_organizations_policy_attachment.outside": {organizations.FullAWSAccessID + " (explicit)", "account 111122223333 (explicit)", false},
		"aws_organizations_policy_attachment.unknown": {"aws_organizations_policy.deny_leave (explicit)", " ?", true},
	}
	if diff := cmp.Diff(wantAt, gotAt); diff != "" {
		t.Errorf("attachments (-want +got):\n%s", diff)
	}
}

// TestAdaptWithoutOrganization checks that an account created without
// parent_id, in a configuration that does not define its organization, is
// known to be in a root that the source does not name.
func TestAdaptWithoutOrganization(t *testing.T) {
	st := orgadapt.Adapt(load(t, `
resource "aws_organizations_account" "a" {
  name  = "a"
  email = "a@example.com"
}
`))
	if got := ref(st.Accounts[0].Parent); got != "root  (defaulted)" {
		t.Errorf("parent = %q, want the root of an organization outside the source", got)
	}
}
