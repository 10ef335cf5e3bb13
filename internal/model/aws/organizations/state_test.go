package organizations

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/model"
)

func TestKindOf(t *testing.T) {
	for _, tt := range []struct {
		id   string
		want NodeKind
	}{
		{"r-a1b2", KindRoot},
		{"r-a1b", ""},
		{"r-A1B2", ""},
		{"ou-a1b2-c3d4e5f6", KindUnit},
		{"ou-a1b2-c3d4e5f", ""},
		{"ou-a1b2", ""},
		{"111122223333", KindAccount},
		{"11112222333", ""},
		{"11112222333x", ""},
		{"p-FullAWSAccess", ""},
		{"", ""},
	} {
		if got := KindOf(tt.id); got != tt.want {
			t.Errorf("KindOf(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

func TestPath(t *testing.T) {
	at := model.Origin{API: "test"}
	ref := func(kind NodeKind, id string) Ref { return Ref{Kind: kind, ID: model.Set(id, at)} }
	unit := func(id string, parent Ref) *Unit {
		return &Unit{Resource: model.Resource{ID: id}, Parent: parent}
	}
	st := &State{
		Organizations: []*Organization{{Resource: model.Resource{ID: "org"}}},
		Units: []*Unit{
			unit("prod", ref(KindRoot, "org")),
			unit("web", ref(KindUnit, "prod")),
			unit("elsewhere", ref(KindUnit, "ou-a1b2-c3d4e5f6")),
			unit("lost", Ref{ID: model.Unresolved[string](at)}),
			unit("loop-a", ref(KindUnit, "loop-b")),
			unit("loop-b", ref(KindUnit, "loop-a")),
		},
		Accounts: []*Account{{Resource: model.Resource{ID: "app"}, Parent: ref(KindUnit, "web")}},
	}
	ids := func(path []Ref) []string {
		var out []string
		for _, r := range path {
			v, ok := r.ID.Get()
			if !ok {
				v = "?"
			}
			out = append(out, string(r.Kind)+":"+v)
		}
		return out
	}
	for _, tt := range []struct {
		name     string
		from     Ref
		want     []string
		complete bool
	}{
		{"account to root", ref(KindAccount, "app"), []string{"root:org", "organizational_unit:prod", "organizational_unit:web", "account:app"}, true},
		{"root itself", ref(KindRoot, "org"), []string{"root:org"}, true},
		{"parent outside the source", ref(KindUnit, "elsewhere"), []string{"organizational_unit:ou-a1b2-c3d4e5f6", "organizational_unit:elsewhere"}, false},
		{"unknown parent", ref(KindUnit, "lost"), []string{":?", "organizational_unit:lost"}, false},
		{"cycle", ref(KindUnit, "loop-a"), []string{"organizational_unit:loop-a", "organizational_unit:loop-b", "organizational_unit:loop-a"}, false},
		{"undefined account", ref(KindAccount, "111122223333"), []string{"account:111122223333"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path, complete := st.Path(tt.from)
			if diff := cmp.Diff(tt.want, ids(path)); diff != "" || complete != tt.complete {
				t.Errorf("Path complete = %v, want %v (-want +got):\n%s", complete, tt.complete, diff)
			}
			if complete && st.Organization(path[0].ID.Val()) == nil {
				t.Errorf("the path starts at %q, not at the organization org", path[0].ID.Val())
			}
		})
	}
}

func TestIsAuthorization(t *testing.T) {
	at := model.Origin{API: "test"}
	for _, tt := range []struct {
		typ  model.String
		want bool
	}{
		{model.Default(ServiceControlPolicy, at), true},
		{model.Set(ResourceControlPolicy, at), true},
		{model.Set("TAG_POLICY", at), false},
		{model.Unresolved[string](at), false},
	} {
		if got := (&Policy{Type: tt.typ}).IsAuthorization(); got != tt.want {
			t.Errorf("IsAuthorization(%v) = %v, want %v", tt.typ.Val(), got, tt.want)
		}
	}
}
