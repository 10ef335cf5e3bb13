package catalog

import (
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/glob"
)

// asciiLower lowers ASCII letters only, as IAM folds action names.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = lower(c)
	}
	return string(b)
}

// lowerNames are the actions' full names, lower case, by ID.
var lowerNames = sync.OnceValue(func() []string {
	var out []string
	for _, a := range Load().Actions() {
		out = append(out, asciiLower(a.String()))
	}
	return out
})

// matchSlow is the definition Match must agree with: the pattern as a glob
// over every action's full name, case folded.
func matchSlow(c *Catalog, pattern string) Set {
	s := c.NewSet()
	p := asciiLower(pattern)
	for id, name := range lowerNames() {
		if glob.Match(p, name) {
			s.Add(id)
		}
	}
	return s
}

func names(c *Catalog, s Set) []string {
	var out []string
	for id := range s.All() {
		out = append(out, c.Actions()[id].String())
	}
	return out
}

// checkMatch fails t when Match(pattern) differs from matchSlow, and returns
// the names Match gave.
func checkMatch(t *testing.T, c *Catalog, pattern string) []string {
	t.Helper()
	got, want := c.Match(pattern), matchSlow(c, pattern)
	if !got.Equal(want) {
		t.Fatalf("Match(%q) disagrees with the glob definition (-want +got):\n%s", pattern, cmp.Diff(names(c, want), names(c, got)))
	}
	return names(c, got)
}

func TestMatch(t *testing.T) {
	c := Load()
	for _, tc := range []struct {
		pattern string
		n       int      // size of the set
		has     []string // some members
	}{
		{"*", 22091, []string{"s3:GetObject", "iam:PassRole"}},
		{"s3:Get*", 63, []string{"s3:GetObject", "s3:GetBucketPolicy"}},
		{"iam:*", 190, []string{"iam:PassRole", "iam:CreatePolicyVersion"}},
		{"*:Describe*", 1924, []string{"ec2:DescribeInstances", "rds:DescribeDBInstances"}},
		{"S3:getobject", 1, []string{"s3:GetObject"}},
		{"iam:Pass?ole", 1, []string{"iam:PassRole"}},
		{"iam:passrole", 1, []string{"iam:PassRole"}},
		{"iam:*PolicyVersion", 4, []string{"iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"}},
		{"iam:Create*Version", 1, []string{"iam:CreatePolicyVersion"}},
		{"s3*:GetObject", 3, []string{"s3:GetObject"}},
		{"s3???????:*Bucket", 5, []string{"s3express:CreateBucket"}},
		{"*Object", 31, []string{"s3:GetObject", "s3:PutObject"}},
		{"s3*", 378, []string{"s3:GetObject", "s3express:CreateBucket"}},
		{"*:*", 22091, nil},
		{"**", 22091, nil},
		{"s3:GetObjects", 0, nil},
		{"s3", 0, nil},
		{"s3:", 0, nil},
		{"s3:Get:Object", 0, nil},
		{"nosuch:*", 0, nil},
		{"", 0, nil},
		{":", 0, nil},
	} {
		t.Run(tc.pattern, func(t *testing.T) {
			got := checkMatch(t, c, tc.pattern)
			if len(got) != tc.n {
				t.Errorf("%d actions, want %d", len(got), tc.n)
			}
			for _, h := range tc.has {
				if !slices.Contains(got, h) {
					t.Errorf("lacks %s", h)
				}
			}
		})
	}
}

func TestMatchReturnsOwnSet(t *testing.T) {
	c := Load()
	a := c.Match("iam:*")
	a.Add(c.Action("s3:GetObject").ID)
	if b := c.Match("iam:*"); b.Has(c.Action("s3:GetObject").ID) {
		t.Error("changing a Match result changed a later one")
	}
	all := c.All()
	all.Minus(c.Match("s3:*"))
	if c.All().Len() != len(c.Actions()) {
		t.Error("changing All's result changed the catalogue")
	}
}

func FuzzMatch(f *testing.F) {
	for _, p := range []string{"*", "s3:Get*", "iam:*", "*:Describe*", "S3:getobject", "iam:Pass?ole", "*Object", "s3?:*", "a*b*c", "?", "ec2:*Instance?", "kms:**", "s3:Get*:x"} {
		f.Add(p)
	}
	c := Load()
	f.Fuzz(func(t *testing.T, pattern string) {
		checkMatch(t, c, pattern)
	})
}

// BenchmarkMatch covers the pattern shapes policies use: a literal service
// (one service scanned, or a name-prefix run of it), a wildcard service (every
// service's prefix tested) and no ':' at all (every action).
func BenchmarkMatch(b *testing.B) {
	c := Load()
	for _, p := range []string{"s3:GetObject", "s3:Get*", "iam:*", "iam:*Policy*", "*:Describe*", "*", "*Object"} {
		b.Run(p, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.Match(p)
			}
		})
	}
}
