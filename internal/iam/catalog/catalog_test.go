package catalog

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCounts pins the size of the embedded data, so a data update shows up
// in review. After scripts/update-iam-data.sh, check the new numbers and
// update them here.
func TestCounts(t *testing.T) {
	c := Load()
	types, globals := 0, 0
	for _, s := range c.Services() {
		types += len(s.ResourceTypes)
	}
	for _, k := range c.keys {
		if k.Global {
			globals++
		}
	}
	got := map[string]int{
		"services":          len(c.Services()),
		"actions":           len(c.Actions()),
		"resource types":    types,
		"condition keys":    len(c.keys),
		"global keys":       globals,
		"templated keys":    len(c.templates),
		"managed policies":  len(c.policies().docs),
		"policy names":      len(c.policies().paths),
		"words in a Set":    len(c.NewSet().w),
		"actions in All":    c.All().Len(),
		"actions in Match*": c.Match("*").Len(),
	}
	want := map[string]int{
		"services":          456,
		"actions":           22091,
		"resource types":    2334,
		"condition keys":    1629,
		"global keys":       59,
		"templated keys":    133,
		"managed policies":  1594,
		"policy names":      1594,
		"words in a Set":    346,
		"actions in All":    22091,
		"actions in Match*": 22091,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("catalogue counts (-want +got):\n%s", diff)
	}
}

func TestLoadIsShared(t *testing.T) {
	if Load() != Load() {
		t.Error("Load decoded the catalogue twice")
	}
}

func TestActionLevels(t *testing.T) {
	c := Load()
	for _, tc := range []struct {
		action string
		want   Level
		text   string
	}{
		{"s3:GetObject", Read, "Read"},
		{"s3:ListBucket", List, "List"},
		{"s3:PutObject", Write, "Write"},
		{"iam:CreatePolicyVersion", PermissionsManagement, "Permissions management"},
		{"iam:PassRole", Write, "Write"},
		{"ec2:CreateTags", Tagging, "Tagging"},
		{"kms:Decrypt", Write, "Write"},
	} {
		t.Run(tc.action, func(t *testing.T) {
			a := c.Action(tc.action)
			if a == nil {
				t.Fatal("not in the catalogue")
			}
			if a.Level != tc.want || a.Level.String() != tc.text {
				t.Errorf("level = %v (%d), want %v", a.Level, a.Level, tc.text)
			}
		})
	}
	if got := Level(9).String(); got != "Level(9)" {
		t.Errorf("Level(9).String() = %q", got)
	}
}

func TestAction(t *testing.T) {
	c := Load()
	for _, tc := range []struct {
		name, want string // want "" for nil
	}{
		{"s3:GetObject", "s3:GetObject"},
		{"s3:getobject", "s3:GetObject"},
		{"S3:GETOBJECT", "s3:GetObject"},
		{"iam:passrole", "iam:PassRole"},
		{"ec2:DescribeInstances", "ec2:DescribeInstances"},
		{"s3:GetObjects", ""},
		{"s3:GetObjec", ""},
		{"s3:Get*", ""},
		{"s3", ""},
		{"s3:", ""},
		{":GetObject", ""},
		{"nosuch:GetObject", ""},
		{"", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			if a := c.Action(tc.name); a != nil {
				got = a.String()
			}
			if got != tc.want {
				t.Errorf("Action(%q) = %q, want %q", tc.name, got, tc.want)
			}
		})
	}
}

// TestEveryAction checks the invariants the lookups rely on, over the whole
// catalogue: IDs index Actions, each service's actions are consecutive and
// sorted case-insensitively, and every action is found by its name in any
// case.
func TestEveryAction(t *testing.T) {
	c := Load()
	id := 0
	for i, s := range c.Services() {
		if i > 0 && c.Services()[i-1].Prefix >= s.Prefix {
			t.Errorf("services out of order at %s", s.Prefix)
		}
		if c.Service(strings.ToUpper(s.Prefix)) != s {
			t.Errorf("Service(%q) is not found", strings.ToUpper(s.Prefix))
		}
		for _, a := range s.Actions {
			if a.ID != id || c.Actions()[id] != a {
				t.Fatalf("%s: ID %d, want %d", a, a.ID, id)
			}
			id++
			if a.Service != s.Prefix || a.String() != s.Prefix+":"+a.Name {
				t.Errorf("%s: service %q, name %q", a, a.Service, a.Name)
			}
			for _, name := range []string{a.String(), strings.ToLower(a.String()), strings.ToUpper(a.String())} {
				if c.Action(name) != a {
					t.Errorf("Action(%q) does not find %s", name, a)
				}
			}
			for _, r := range a.Resources {
				if r.Type == nil || r.Type.Service != s.Prefix {
					t.Errorf("%s: resource type %+v is not the service's", a, r.Type)
				}
			}
		}
	}
	if id != len(c.Actions()) {
		t.Errorf("services hold %d actions, Actions() %d", id, len(c.Actions()))
	}
}

func TestActionDetails(t *testing.T) {
	c := Load()
	type ref struct {
		Type     string
		Required bool
		Keys     []string
	}
	details := func(a *Action) []ref {
		var refs []ref
		for _, r := range a.Resources {
			refs = append(refs, ref{r.Type.Name, r.Required, r.ConditionKeys})
		}
		return refs
	}
	for _, tc := range []struct {
		action string
		want   []ref
		keys   []string // some of the action-level keys
	}{
		{"s3:GetObject", []ref{{"accesspointobject", false, nil}, {"object", false, nil}}, []string{"s3:ExistingObjectTag/<key>", "s3:ResourceAccount"}},
		{"iam:PassRole", []ref{{"role", true, nil}}, []string{"iam:PassedToService", "iam:AssociatedResourceArn"}},
		{"ec2:DescribeInstances", nil, nil},
		{"ec2:AttachResourcesToPlacementGroup", []ref{{"placement-group", true, []string{"aws:ResourceTag/${TagKey}", "ec2:PlacementGroupName", "ec2:PlacementGroupStrategy", "ec2:ResourceTag/${TagKey}"}}}, []string{"ec2:Region"}},
	} {
		t.Run(tc.action, func(t *testing.T) {
			a := c.Action(tc.action)
			if diff := cmp.Diff(tc.want, details(a)); diff != "" {
				t.Errorf("resources (-want +got):\n%s", diff)
			}
			for _, k := range tc.keys {
				if !slices.Contains(a.ConditionKeys, k) {
					t.Errorf("condition keys %v lack %s", a.ConditionKeys, k)
				}
			}
		})
	}
}

func TestService(t *testing.T) {
	c := Load()
	for _, tc := range []struct{ prefix, name string }{
		{"s3", "Amazon S3"},
		{"IAM", "AWS Identity and Access Management (IAM)"},
		{"ec2", "Amazon EC2"},
		{"s3x", ""},
		{"", ""},
	} {
		t.Run(tc.prefix, func(t *testing.T) {
			got := ""
			if s := c.Service(tc.prefix); s != nil {
				got = s.Name
			}
			if got != tc.name {
				t.Errorf("Service(%q) = %q, want %q", tc.prefix, got, tc.name)
			}
		})
	}
}

// BenchmarkLoad measures decoding the embedded data, which Load does once:
// the catalogue at first use, the managed policies at the first call that
// needs them.
func BenchmarkLoad(b *testing.B) {
	b.Run("catalog", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := decode(catalogData, policyData); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("managed-policies", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := decodePolicies(policyData); err != nil {
				b.Fatal(err)
			}
		}
	})
}
