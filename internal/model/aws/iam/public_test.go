package iam

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/model"
)

// grant is what TestPublicGrants compares of a PublicGrant.
type grant struct {
	Index   int
	Actions []string
}

func TestPublicGrants(t *testing.T) {
	const (
		allowGet  = `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}`
		allowBoth = `{"Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::my-bucket/*"}`
	)
	// deny returns a Deny of s3:* on the bucket's objects for everyone,
	// under condition (a JSON object, or "" for none).
	deny := func(condition string) string {
		s := `{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::my-bucket/*"`
		if condition != "" {
			s += `,"Condition":` + condition
		}
		return s + "}"
	}
	for _, tc := range []struct {
		name       string
		statements []string
		actions    []string
		want       []grant
		undecided  bool
	}{
		{
			name:       "reproduction: deny outside the organization",
			statements: []string{allowGet, deny(`{"StringNotEquals":{"aws:PrincipalOrgID":"o-abc1234567"}}`)},
		},
		{
			name:       "no deny",
			statements: []string{allowGet},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name:       "deny without condition",
			statements: []string{allowGet, deny("")},
		},
		{
			name:       "deny on TLS only",
			statements: []string{allowGet, deny(`{"Bool":{"aws:SecureTransport":"false"}}`)},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name:       "deny of some actions",
			statements: []string{allowBoth, `{"Effect":"Deny","Principal":"*","Action":"s3:Put*","Resource":"*"}`},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name:       "deny of part of a wildcard",
			statements: []string{`{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}`, deny(""), `{"Effect":"Deny","Principal":"*","Action":"s3:Get*","Resource":"*"}`},
			want:       []grant{{0, []string{"s3:*"}}},
		},
		{
			name:       "deny of a wider wildcard",
			statements: []string{`{"Effect":"Allow","Principal":"*","Action":"S3:get*","Resource":"arn:aws:s3:::my-bucket/*"}`, `{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::my-*"}`},
		},
		{
			name:       "deny on another resource",
			statements: []string{allowGet, `{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::other-bucket/*"}`},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name:       "deny on the bucket but not its objects",
			statements: []string{`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":["arn:aws:s3:::my-bucket","arn:aws:s3:::my-bucket/*"]}`, `{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::my-bucket"}`},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name:       "ARNs compare case-sensitively",
			statements: []string{allowGet, `{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::My-Bucket/*"}`},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name:       "deny of every resource but another",
			statements: []string{allowGet, `{"Effect":"Deny","Principal":"*","Action":"*","NotResource":"arn:aws:s3:::other-bucket/*"}`},
		},
		{
			name:       "deny sparing the action",
			statements: []string{allowGet, `{"Effect":"Deny","Principal":"*","NotAction":"s3:Get*","Resource":"*"}`},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name:       "not action allow, everything denied",
			statements: []string{`{"Effect":"Allow","Principal":"*","NotAction":"s3:Delete*","Resource":"*"}`, `{"Effect":"Deny","Principal":"*","NotAction":"s3:DeleteObject","Resource":"*"}`},
		},
		{
			name:       "not action allow, part denied",
			statements: []string{`{"Effect":"Allow","Principal":"*","NotAction":"s3:DeleteObject","Resource":"*"}`, `{"Effect":"Deny","Principal":"*","Action":"s3:Put*","Resource":"*"}`},
			want:       []grant{{0, nil}},
		},
		{
			name:       "partial deny",
			statements: []string{allowGet, deny(`{"StringNotEquals":{"aws:PrincipalOrgID":"${unknown}"}}`)},
			undecided:  true,
		},
		{
			name:       "partial deny that cannot cover the grant",
			statements: []string{allowGet, `{"Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"${unknown}/*"}`},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name:       "deny of an unknown effect",
			statements: []string{allowGet, `{"Effect":"${unknown}","Principal":"*","Action":"s3:*","Resource":"*"}`},
			undecided:  true,
		},
		{
			name:       "allow on an unknown resource, deny on a known one",
			statements: []string{`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"${unknown}/*"}`, deny("")},
			undecided:  true,
		},
		{
			name:       "allow on an unknown resource, deny on every resource",
			statements: []string{`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"${unknown}/*"}`, `{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}`},
		},
		{
			name:       "allow that may be public, denied",
			statements: []string{`{"Effect":"Allow","Principal":{"AWS":"${unknown}"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}`, deny("")},
		},
		{
			name:       "allow that may be public",
			statements: []string{`{"Effect":"Allow","Principal":{"AWS":"${unknown}"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}`},
			undecided:  true,
		},
		{
			name:       "StringNotEqualsIfExists",
			statements: []string{allowGet, deny(`{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-abc1234567"}}`)},
		},
		{
			name:       "StringNotLikeIfExists on org paths",
			statements: []string{allowGet, deny(`{"ForAllValues:StringNotLikeIfExists":{"aws:PrincipalOrgPaths":"o-abc1234567/r-ab12/*"}}`)},
		},
		{
			name:       "StringEqualsIfExists",
			statements: []string{allowGet, deny(`{"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-evil"}}`)},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name:       "ForAnyValue is false for anonymous callers",
			statements: []string{allowGet, deny(`{"ForAnyValue:StringNotLike":{"aws:PrincipalOrgPaths":"o-abc1234567/*"}}`)},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name:       "Null denies anonymous callers only",
			statements: []string{allowGet, deny(`{"Null":{"aws:PrincipalOrgID":"true"}}`)},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name:       "positive operator",
			statements: []string{allowGet, deny(`{"StringEquals":{"aws:PrincipalAccount":"999999999999"}}`)},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name:       "not equal to a wildcard",
			statements: []string{allowGet, deny(`{"StringNotLike":{"aws:PrincipalArn":"*"}}`)},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name:       "wildcard that outsiders match",
			statements: []string{allowGet, deny(`{"StringNotLike":{"aws:PrincipalOrgID":"o-*"}}`)},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name:       "user name is not unique",
			statements: []string{allowGet, deny(`{"StringNotEquals":{"aws:username":"alice"}}`)},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name: "network and principal conditions together",
			statements: []string{allowGet, deny(`{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"},` +
				`"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/*"},"StringNotEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}`)},
		},
		{
			name:       "not ip address of the whole internet",
			statements: []string{allowGet, deny(`{"NotIpAddress":{"aws:SourceIp":"0.0.0.0/0"}}`)},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name:       "NotPrincipal deny",
			statements: []string{allowGet, `{"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::111122223333:root","arn:aws:iam::111122223333:role/reader"]},"Action":"s3:*","Resource":"*"}`},
		},
		{
			name:       "NotPrincipal deny sparing everyone",
			statements: []string{allowGet, `{"Effect":"Deny","NotPrincipal":{"AWS":"*"},"Action":"s3:*","Resource":"*"}`},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name:       "NotPrincipal deny sparing an unknown principal",
			statements: []string{allowGet, `{"Effect":"Deny","NotPrincipal":{"AWS":"${unknown}"},"Action":"s3:*","Resource":"*"}`},
			undecided:  true,
		},
		{
			name:       "deny for one account",
			statements: []string{allowGet, `{"Effect":"Deny","Principal":{"AWS":"999999999999"},"Action":"s3:*","Resource":"*"}`},
			want:       []grant{{0, []string{"s3:GetObject"}}},
		},
		{
			name:       "not public",
			statements: []string{`{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}}`},
		},
		{
			name:       "named actions, one denied",
			statements: []string{`{"Effect":"Allow","Principal":"*","Action":"sns:*","Resource":"*"}`, `{"Effect":"Deny","Principal":"*","Action":"sns:publish","Resource":"*"}`},
			actions:    []string{"sns:Publish", "sns:Subscribe"},
			want:       []grant{{0, []string{"sns:Subscribe"}}},
		},
		{
			name:       "named actions not granted",
			statements: []string{`{"Effect":"Allow","Principal":"*","Action":"sns:GetTopicAttributes","Resource":"*"}`},
			actions:    []string{"sns:Publish", "sns:Subscribe"},
		},
		{
			name:       "named action an unknown item may grant",
			statements: []string{`{"Effect":"Allow","Principal":"*","Action":["sns:Get*","${unknown}"],"Resource":"*"}`},
			actions:    []string{"sns:Publish"},
			undecided:  true,
		},
		{
			name:       "trust policy without resources",
			statements: []string{`{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}`, `{"Effect":"Deny","Principal":"*","Action":"sts:*","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-abc1234567"}}}`},
			actions:    []string{"sts:AssumeRole"},
		},
		{
			name:       "grant on the attached resource, deny on a named one",
			statements: []string{`{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}`, `{"Effect":"Deny","Principal":"*","Action":"sts:*","Resource":"arn:aws:iam::111122223333:role/x"}`},
			undecided:  true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := `{"Version":"2012-10-17","Statement":[` + strings.Join(tc.statements, ",") + `]}`
			d := ParseDocument(model.Set(text, model.Origin{}))
			if d.Err != "" {
				t.Fatalf("parse: %s", d.Err)
			}
			grants, undecided := d.PublicGrants(tc.actions...)
			var got []grant
			for _, g := range grants {
				if !cmp.Equal(g.Statement, d.Statements[g.Index]) {
					t.Errorf("grant %d: statement is not Statements[%d]", g.Index, g.Index)
				}
				got = append(got, grant{g.Index, g.Actions})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("grants (-want +got):\n%s", diff)
			}
			if undecided != tc.undecided {
				t.Errorf("undecided = %v, want %v", undecided, tc.undecided)
			}
		})
	}
	if _, undecided := (Document{}).PublicGrants(); !undecided {
		t.Error("an unknown document must be undecided")
	}
}

func TestPatternSubset(t *testing.T) {
	for _, tc := range []struct {
		p       string
		qs      []string
		subset  bool
		overlap bool
	}{
		{"s3:GetObject", []string{"s3:*"}, true, true},
		{"s3:Get*", []string{"s3:*"}, true, true},
		{"s3:*", []string{"s3:Get*"}, false, true},
		{"*?", []string{"?*"}, true, true},
		{"a*b", []string{"a*"}, true, true},
		{"a*", []string{"ab*", "a"}, false, true},
		{"a*", []string{"a?*", "a"}, true, true},
		{"a*", []string{"b*"}, false, false},
		{"s3:Get*", []string{"*Object"}, false, true},
		{"*", []string{"*"}, true, true},
		{"abc", nil, false, false},
		{"", []string{"*"}, true, true},
	} {
		if got := patternSubset(tc.p, tc.qs); got != tc.subset {
			t.Errorf("patternSubset(%q, %q) = %v, want %v", tc.p, tc.qs, got, tc.subset)
		}
		if got := patternsOverlap(tc.p, tc.qs); got != tc.overlap {
			t.Errorf("patternsOverlap(%q, %q) = %v, want %v", tc.p, tc.qs, got, tc.overlap)
		}
	}
}
