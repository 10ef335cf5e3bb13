package awsestate_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/iam/awsestate"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
	orgs "github.com/vigil-sec/vigil/internal/model/aws/organizations"
)

// organization is a live organization: root → OU prod → account app
// (111111111111), an account under an OU the source does not hold
// (222222222222) and the management account (999999999999).
func organization(enabled model.List[string], fullAccess bool) *aws.State {
	at := model.Origin{API: "organizations:test"}
	set := func(s string) model.String { return model.Set(s, at) }
	doc := func(text string) iammodel.Document { return iammodel.ParseDocument(set(text)) }
	denyLeave := &orgs.Policy{
		Resource:   model.Resource{ID: "p-deny", Name: "deny-leave"},
		PolicyName: set("deny-leave"),
		Type:       set(orgs.ServiceControlPolicy),
		Document:   doc(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}`),
	}
	denyPublic := &orgs.Policy{
		Resource:   model.Resource{ID: "p-rcp", Name: "deny-public"},
		PolicyName: set("deny-public"),
		Type:       set(orgs.ResourceControlPolicy),
		Document:   doc(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}`),
	}
	tags := &orgs.Policy{
		Resource:   model.Resource{ID: "p-tags", Name: "tags"},
		PolicyName: set("tags"),
		Type:       set("TAG_POLICY"),
		Document:   iammodel.ParseDocument(model.Unresolved[string](at)),
	}
	attach := func(p *orgs.Policy, kind orgs.NodeKind, target string) *orgs.Attachment {
		return &orgs.Attachment{Resource: model.Resource{ID: "at-" + target}, PolicyID: set(p.ID), Policy: p, Target: orgs.Ref{Kind: kind, ID: set(target)}}
	}
	st := &aws.State{Organizations: orgs.State{
		Organizations: []*orgs.Organization{{
			Resource:            model.Resource{ID: "org"},
			FeatureSet:          set(orgs.FeatureSetAll),
			EnabledPolicyTypes:  enabled,
			OrganizationID:      set("o-abc"),
			RootID:              set("r-ab12"),
			ManagementAccountID: set("999999999999"),
		}},
		Units: []*orgs.Unit{{
			Resource: model.Resource{ID: "ou-prod", Name: "prod"},
			UnitName: set("prod"),
			UnitID:   set("ou-ab12-11111111"),
			Parent:   orgs.Ref{Kind: orgs.KindRoot, ID: set("org")},
		}},
		Accounts: []*orgs.Account{
			{Resource: model.Resource{ID: "acct-app", Name: "app"}, AccountID: set("111111111111"), Parent: orgs.Ref{Kind: orgs.KindUnit, ID: set("ou-prod")}},
			{Resource: model.Resource{ID: "acct-loose", Name: "loose"}, AccountID: set("222222222222"), Parent: orgs.Ref{Kind: orgs.KindUnit, ID: set("ou-ab12-99999999")}},
		},
		Policies: []*orgs.Policy{denyLeave, denyPublic, tags},
		Attachments: []*orgs.Attachment{
			// By AWS IDs, as a live source names targets.
			attach(denyLeave, orgs.KindUnit, "ou-ab12-11111111"),
			attach(denyPublic, orgs.KindAccount, "111111111111"),
			attach(tags, orgs.KindAccount, "acct-app"),
			{Resource: model.Resource{ID: "at-unknown"}, PolicyID: set("p-deny"), Policy: denyLeave, Target: orgs.Ref{ID: model.Unresolved[string](at)}},
		},
	}}
	if fullAccess {
		st.Organizations.Attachments = append(st.Organizations.Attachments, &orgs.Attachment{
			Resource: model.Resource{ID: "at-full"}, PolicyID: set(orgs.FullAWSAccessID), Target: orgs.Ref{Kind: orgs.KindRoot, ID: set("r-ab12")},
		})
	}
	return st
}

// levels renders an account's levels: "root: SCP FullAWSAccess, RCP x ?".
func levels(a *iam.Account) []string {
	if a == nil {
		return []string{"no account"}
	}
	var out []string
	for _, l := range a.Levels {
		s := l.Name + ":"
		for _, p := range append(append([]*iam.Policy(nil), l.SCPs...), l.RCPs...) {
			s += " " + p.Kind.String() + " " + p.Name
			if !p.Document.Known() {
				s += " ?"
			}
		}
		out = append(out, s)
	}
	return out
}

func TestBuildOrganization(t *testing.T) {
	at := model.Origin{API: "organizations:test"}
	list := func(vs ...string) model.List[string] {
		l := model.List[string]{Meta: model.Meta{Origin: at, Certainty: model.Explicit}}
		for _, v := range vs {
			l.Items = append(l.Items, model.Set(v, at))
		}
		return l
	}
	for _, tt := range []struct {
		name       string
		enabled    model.List[string]
		fullAccess bool
		want       []string
	}{
		{
			name:       "SCPs enabled, FullAWSAccess read",
			enabled:    list(orgs.ServiceControlPolicy),
			fullAccess: true,
			want: []string{
				"root: SCP FullAWSAccess SCP deny-leave ?",
				"OU prod: SCP deny-leave SCP deny-leave ?",
				"account app: SCP deny-leave ?",
			},
		},
		{
			name:    "enabled types not known, FullAWSAccess not read",
			enabled: model.List[string]{Meta: model.Meta{Origin: at}},
			want: []string{
				"root: SCP FullAWSAccess SCP deny-leave ?",
				"OU prod: SCP FullAWSAccess SCP deny-leave SCP deny-leave ?",
				"account app: SCP FullAWSAccess SCP deny-leave ? RCP deny-public",
			},
		},
		{
			name:    "no policy type enabled",
			enabled: list(),
			want:    []string{"root:", "OU prod:", "account app:"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := awsestate.Build(organization(tt.enabled, tt.fullAccess), awsestate.Options{Account: "111111111111"})
			app := e.Accounts["111111111111"]
			if diff := cmp.Diff(tt.want, levels(app)); diff != "" {
				t.Errorf("levels (-want +got):\n%s", diff)
			}
			if app.OrgID != "o-abc" || app.Management {
				t.Errorf("app: OrgID %q, Management %v", app.OrgID, app.Management)
			}
			if m := e.Accounts["999999999999"]; m == nil || !m.Management || m.Levels != nil {
				t.Errorf("management account = %+v, want Management and no levels", m)
			}
			if l := e.Accounts["222222222222"]; l == nil || l.Levels != nil {
				t.Errorf("account under an OU outside the source = %+v, want no levels", l)
			}
		})
	}
}
