package awsiam

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func str(v model.String) string {
	if s, ok := v.Get(); ok {
		return s
	}
	return "?"
}

func date(v model.Value[time.Time]) string {
	switch t, ok := v.Get(); {
	case !ok:
		return "?"
	case t.IsZero():
		return "never"
	default:
		return t.Format(time.RFC3339)
	}
}

// identity summarizes one identity as the checks and the identity engine
// see it.
type identity struct {
	Path, Created string
	Inline        []string
	Attached      []string
	Groups        []string
	Boundary      string
	LastUsed      string
	Profiles      []string
	Tags          map[string]string
}

func summarize(id *iam.Identity) identity {
	out := identity{Path: str(id.Path), Created: date(id.CreateDate)}
	for _, p := range id.InlinePolicies {
		out.Inline = append(out.Inline, str(p.PolicyName)+statements(p.Document))
	}
	for _, a := range id.AttachedPolicies {
		name := str(a.PolicyARN)
		if a.Policy != nil {
			name += " (in snapshot)"
		}
		out.Attached = append(out.Attached, name)
	}
	if id.Tags.Known() && len(id.Tags.Entries) > 0 {
		out.Tags = map[string]string{}
		for k, v := range id.Tags.Entries {
			out.Tags[k] = str(v)
		}
	}
	return out
}

// statements renders a document's statement count, or why it has none.
func statements(d iam.Document) string {
	switch {
	case d.Err != "":
		return " [" + d.Err + "]"
	case !d.Known():
		return " [unknown]"
	}
	return " [" + strings.Repeat("s", len(d.Statements)) + "]"
}

func summarizeState(st *iam.State) map[string]any {
	got := map[string]any{}
	for _, u := range st.Users {
		s := summarize(&u.Identity)
		for _, m := range u.Groups {
			g := str(m.GroupName)
			if m.GroupID == "" {
				g += " (not in snapshot)"
			}
			s.Groups = append(s.Groups, g)
		}
		s.Boundary = str(u.PermissionsBoundary)
		got[u.ID] = s
	}
	for _, g := range st.Groups {
		s := summarize(&g.Identity)
		for _, m := range g.Members {
			s.Groups = append(s.Groups, "member "+str(m.UserName))
		}
		got[g.ID] = s
	}
	for _, r := range st.Roles {
		s := summarize(&r.Identity)
		s.Inline = append(s.Inline, "trust"+statements(r.TrustPolicy))
		s.Boundary = str(r.PermissionsBoundary)
		s.LastUsed = date(r.LastUsed)
		for _, p := range r.InstanceProfiles {
			s.Profiles = append(s.Profiles, p.ID+" role "+p.RoleID)
		}
		got[r.ID] = s
	}
	for _, p := range slices.Concat(st.Policies, st.AWSManagedPolicies) {
		versions := ""
		for _, v := range p.Versions {
			versions += statements(v)
		}
		got[p.ID] = str(p.PolicyName) + " " + str(p.Path) + statements(p.Document) + " versions" + versions +
			map[bool]string{true: " aws-managed", false: ""}[p.AWSManaged]
	}
	return got
}

const acct = "arn:aws:iam::123456789012:"

var wantFull = map[string]any{
	acct + "user/alice": identity{
		Path: "/", Created: "2021-03-04T09:15:22Z",
		Groups: []string{"admins"}, Boundary: "",
		Tags: map[string]string{"team": "platform"},
	},
	acct + "user/engineering/bob": identity{
		Path: "/engineering/", Created: "2022-11-30T17:02:09Z",
		Inline:   []string{"sqs-debug [s]"},
		Attached: []string{acct + "policy/ci/deploy (in snapshot)"},
		Groups:   []string{"developers", "contractors (not in snapshot)"},
		Boundary: acct + "policy/developer-boundary",
	},
	acct + "user/ci-legacy": identity{
		Path: "/", Created: "2019-06-01T08:00:00Z",
		Attached: []string{"arn:aws:iam::aws:policy/AdministratorAccess (in snapshot)"},
	},
	acct + "group/admins": identity{
		Path: "/", Created: "2021-03-04T09:10:00Z",
		Attached: []string{"arn:aws:iam::aws:policy/AdministratorAccess (in snapshot)"},
		Groups:   []string{"member alice"},
	},
	acct + "group/developers": identity{
		Path: "/", Created: "2021-03-04T09:11:00Z",
		Inline: []string{"read-logs [s]"},
		// The snapshot does not include ReadOnlyAccess.
		Attached: []string{"arn:aws:iam::aws:policy/ReadOnlyAccess"},
		Groups:   []string{"member bob"},
	},
	acct + "role/service/app-role": identity{
		Path: "/service/", Created: "2022-01-10T12:00:00Z",
		Inline:   []string{"queue-access [s]", "trust [s]"},
		Boundary: acct + "policy/developer-boundary",
		LastUsed: "2024-05-02T07:41:13Z",
		Profiles: []string{acct + "instance-profile/app-profile role " + acct + "role/service/app-role"},
		Tags:     map[string]string{"app": "web"},
	},
	acct + "role/OrganizationAccountAccessRole": identity{
		Path: "/", Created: "2020-08-20T10:30:00Z",
		Inline:   []string{"trust [s]"},
		Attached: []string{"arn:aws:iam::aws:policy/AdministratorAccess (in snapshot)"},
		LastUsed: "never",
	},
	acct + "role/github-deploy": identity{
		Path: "/", Created: "2023-02-14T16:45:00Z",
		Inline:   []string{"trust [s]"},
		Attached: []string{acct + "policy/ci/deploy (in snapshot)"},
		LastUsed: "2024-06-11T21:03:57Z",
	},
	acct + "policy/ci/deploy":                     "deploy /ci/ [ss] versions [s]",
	acct + "policy/developer-boundary":            "developer-boundary / [ss] versions",
	"arn:aws:iam::aws:policy/AdministratorAccess": "AdministratorAccess / [s] versions aws-managed",
}

func TestLoad(t *testing.T) {
	apiRole := wantFull[acct+"role/service/app-role"].(identity)
	apiRole.Tags = map[string]string{"app": "web"}
	for _, tt := range []struct {
		file string
		want map[string]any
	}{
		{"gaad.json", wantFull},
		{"gaad.json.gz", wantFull},
		// URL-encoded documents decode to the same statements.
		{"gaad-api.json", map[string]any{
			acct + "role/service/app-role": apiRole,
			// Attached to nothing in this snapshot: its linking is not shown.
			acct + "policy/ci/deploy": "deploy /ci/ [ss] versions [s]",
		}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			state, diags := Load(bytes.NewReader(readFixture(t, tt.file)), tt.file)
			if len(diags) > 0 {
				t.Fatalf("diagnostics: %v", diags)
			}
			if diff := cmp.Diff(tt.want, summarizeState(&state.IAM)); diff != "" {
				t.Errorf("state (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLoadLinks checks the links the checks and the identity engine follow,
// the same as the Terraform adapter makes: attachments and inline policies
// name their identity by resource ID, memberships name both ends, and the
// state has no pointer cycle.
func TestLoadLinks(t *testing.T) {
	state, _ := Load(bytes.NewReader(readFixture(t, "gaad.json")), "gaad.json")
	st := &state.IAM
	for _, a := range st.Attachments {
		if id := st.Identity(a.TargetID); id == nil || !id.IdentityName.Is(str(a.TargetName)) || id.Kind != a.TargetKind {
			t.Errorf("attachment of %s: target %q is not its identity", str(a.PolicyARN), a.TargetID)
		}
	}
	for _, p := range st.InlinePolicies {
		if st.Identity(p.TargetID) == nil {
			t.Errorf("inline policy %s: target %q is not an identity", str(p.PolicyName), p.TargetID)
		}
	}
	for _, m := range st.Memberships {
		if st.Identity(m.UserID) == nil || (m.GroupID != "" && st.Identity(m.GroupID) == nil) {
			t.Errorf("membership %s in %s does not link its ends", str(m.UserName), str(m.GroupName))
		}
	}
	for _, u := range st.Users {
		if !u.PoliciesComplete || !u.GroupsComplete {
			t.Errorf("user %s: a snapshot lists every policy and group of a user", u.Name)
		}
	}
	for _, g := range st.Groups {
		if !g.MembersComplete {
			t.Errorf("group %s: a full snapshot lists every member", g.Name)
		}
	}
	want := model.Origin{API: "iam:GetAccountAuthorizationDetails", ARN: acct + "role/github-deploy"}
	for _, r := range st.Roles {
		if r.Name != "github-deploy" {
			continue
		}
		if diff := cmp.Diff(want, r.TrustPolicy.Statements[0].Origin); diff != "" {
			t.Errorf("trust statement origin (-want +got):\n%s", diff)
		}
		if !r.ARN.Explicit() || r.MaxSessionDuration.Known() {
			t.Error("values from the snapshot are explicit; what GAAD does not return is unknown")
		}
	}
	if _, err := json.Marshal(st); err != nil {
		t.Errorf("marshal state: %v", err)
	}
}

func gzipped(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestLoadProblems(t *testing.T) {
	full := readFixture(t, "gaad.json")
	utf16 := []byte{0xff, 0xfe}
	for _, r := range `{"RoleDetailList": []}` {
		utf16 = append(utf16, byte(r), 0)
	}
	for _, tt := range []struct {
		name  string
		data  []byte
		limit int64
		want  []string
		// state says whether a state comes back.
		state bool
	}{
		{name: "syntax error", data: []byte("{\n  \"UserDetailList\": [\n    {\"UserName\": \"a\",}\n  ]\n}"),
			want: []string{`x.json:3: error: parse IAM snapshot: invalid character '}' looking for beginning of object key string`}},
		{name: "wrong type", data: []byte(`{"UserDetailList": [{"UserName": 5}]}`),
			want: []string{`x.json:1: error: parse IAM snapshot: UserDetailList.UserName: a number where a string is expected`}},
		{name: "not an object", data: []byte(`[1]`),
			want: []string{`x.json:1: error: parse IAM snapshot: a list where an object is expected`}},
		{name: "other JSON", data: []byte(`{"Records": []}`),
			want: []string{`x.json: error: parse IAM snapshot: no UserDetailList, GroupDetailList, RoleDetailList or Policies: not get-account-authorization-details output`}},
		{name: "empty", data: nil,
			want: []string{`x.json: error: parse IAM snapshot: the file is empty`}},
		{name: "corrupt gzip", data: gzipped(t, full)[:200],
			want: []string{`x.json: error: read IAM snapshot: decompress: unexpected EOF`}},
		{name: "gzip over the limit", data: gzipped(t, full), limit: 1024,
			want: []string{`x.json: error: read IAM snapshot: snapshot is larger than 1024 bytes decompressed`}},
		{name: "plain over the limit", data: full, limit: 2 << 10,
			want: []string{`x.json: error: read IAM snapshot: snapshot is larger than 2048 bytes`}},
		{name: "truncated", data: []byte(`{"RoleDetailList": [], "IsTruncated": true, "Marker": "m"}`), state: true,
			want: []string{`x.json: warning: IAM snapshot is truncated: the users, groups, roles and policies of later pages are missing; save all pages (no --max-items)`}},
		{name: "bad date", data: []byte(`{"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::1:role/r", "CreateDate": "yesterday"}]}`), state: true,
			want: []string{`x.json: warning: CreateDate of arn:aws:iam::1:role/r is not a date: "yesterday"; it is unknown`}},
		{name: "no Arn", data: []byte(`{"UserDetailList": [{"UserName": "u"}]}`), state: true,
			want: []string{`x.json: warning: IAM snapshot: a user without a name or Arn is left out (name "u", Arn "")`}},
		{name: "UTF-16 with BOM", data: utf16, state: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			limit := tt.limit
			if limit == 0 {
				limit = MaxSize
			}
			state, diags := load(bytes.NewReader(tt.data), "x.json", limit)
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
			if (state != nil) != tt.state {
				t.Errorf("state returned = %v, want %v", state != nil, tt.state)
			}
		})
	}
}

func TestDocumentForms(t *testing.T) {
	const text = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}`
	for _, tt := range []struct {
		name string
		raw  string
		want string
	}{
		{"object", text, " [s]"},
		{"plain JSON string", mustJSON(t, text), " [s]"},
		{"URL-encoded string", mustJSON(t, "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource%22%3A%22*%22%7D%7D"), " [s]"},
		{"bad URL encoding", mustJSON(t, "%7B%ZZ"), ` [decode URL-encoded policy document: invalid URL escape "%ZZ"]`},
		{"not a policy", `[1, 2]`, " [parse policy document: json: cannot unmarshal array"},
		{"absent", ``, " [unknown]"},
		{"null", `null`, " [unknown]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := statements(document(json.RawMessage(tt.raw), model.Origin{})); !strings.HasPrefix(got, tt.want) {
				t.Errorf("document(%s) = %q, want it to start with %q", tt.raw, got, tt.want)
			}
		})
	}
}

func mustJSON(t *testing.T, s string) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestTimestamp(t *testing.T) {
	for _, tt := range []struct {
		raw  string
		want string
	}{
		{`"2024-05-02T07:41:13Z"`, "2024-05-02T07:41:13Z"},
		{`"2024-05-02T09:41:13+02:00"`, "2024-05-02T07:41:13Z"},
		{`"2024-05-02 07:41:13.250000+00:00"`, "2024-05-02T07:41:13.25Z"},
		{`1714635673`, "2024-05-02T07:41:13Z"},
		{`"May 2nd"`, "bad"},
		{`true`, "bad"},
		{`null`, "absent"},
	} {
		var ts timestamp
		if err := json.Unmarshal([]byte(tt.raw), &ts); err != nil {
			t.Fatalf("%s: %v", tt.raw, err)
		}
		got := "absent"
		switch {
		case ts.ok:
			got = ts.t.Format(time.RFC3339Nano)
		case ts.present:
			got = "bad"
		}
		if got != tt.want {
			t.Errorf("timestamp %s = %s, want %s", tt.raw, got, tt.want)
		}
	}
}

func TestIsSnapshot(t *testing.T) {
	full := readFixture(t, "gaad.json")
	gz := readFixture(t, "gaad.json.gz")
	for _, tt := range []struct {
		name string
		data []byte
		want bool
	}{
		{"CLI output", full, true},
		{"its first kilobyte", full[:1024], true},
		{"gzip", gz, true},
		{"a prefix of the gzip", gz[:300], true},
		{"roles only", []byte(` {"RoleDetailList": []}`), true},
		{"UTF-8 BOM", append([]byte{0xef, 0xbb, 0xbf}, `{"UserDetailList": []}`...), true},
		{"terraform plan", []byte(`{"format_version": "1.2", "resource_changes": []}`), false},
		{"key in a list", []byte(`["UserDetailList"]`), false},
		{"empty", nil, false},
		{"broken gzip", []byte{0x1f, 0x8b, 0}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsSnapshot(tt.data); got != tt.want {
				t.Errorf("IsSnapshot = %v, want %v", got, tt.want)
			}
		})
	}
}

func FuzzLoad(f *testing.F) {
	for _, name := range []string{"gaad.json", "gaad-api.json", "gaad.json.gz"} {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte(`{"RoleDetailList":[{"RoleName":"r","Arn":"a","AssumeRolePolicyDocument":"%7B","RoleLastUsed":{"LastUsedDate":1e300}}]}`))
	f.Add([]byte(`{"UserDetailList":[{"UserName":"u","Arn":"a","GroupList":["g","g"],"PermissionsBoundary":{}}],"GroupDetailList":[{"GroupName":"g","Arn":"b"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		state, diags := load(bytes.NewReader(data), "fuzz.json", 1<<20)
		if (state == nil) != diags.HasErrors() {
			t.Fatalf("a state comes back exactly when there is no error: state %v, diagnostics %v", state != nil, diags)
		}
		if state != nil {
			if _, err := json.Marshal(state); err != nil {
				t.Fatalf("marshal: %v", err)
			}
		}
		_ = IsSnapshot(data)
	})
}
