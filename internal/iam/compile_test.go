package iam

import (
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// TestActionSets checks that matching an action by the statement's
// catalogue set gives what matching its patterns one by one gives, for
// every catalogue action: Evaluate takes the first way for actions the
// catalogue knows and the second for the others.
func TestActionSets(t *testing.T) {
	c := catalog.Load()
	managed := func(name string) string {
		arn, ok := c.ManagedPolicyARN(name)
		if !ok {
			t.Fatalf("no managed policy %s", name)
		}
		doc, ok := c.ManagedPolicy(arn)
		if !ok {
			t.Fatalf("no document for %s", arn)
		}
		return doc
	}
	patterns := func(key string, ps ...string) string {
		return `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","` + key + `":["` + strings.Join(ps, `","`) + `"],"Resource":"*"}]}`
	}
	tricky := []string{
		"*", "s3:*", "S3:Get*", "*:Get*", "iam:*Policy*", "s3?GetObject", "s3*", "*3:Get?bject", "s3:GetObject*",
		"S3:GETOBJECT", "s3:", ":", "::", "s3:*:*", "*:*", "?", "ec2:Describe*s", "*a*e*", "sts:AssumeRole?*",
		"\u212Ams:*", "kms:*\u212A*", "s3:Get\xffObject", "??:*", "*:", "ſts:*",
	}
	tests := []struct {
		name string
		doc  string
	}{
		{"tricky patterns", patterns("Action", tricky...)},
		{"tricky NotAction", patterns("NotAction", tricky...)},
		{"NotAction with an unresolved item", patterns("NotAction", "iam:*", iammodel.Unknown)},
		{"ReadOnlyAccess", managed("ReadOnlyAccess")},
		{"PowerUserAccess", managed("PowerUserAccess")},
		{"SecurityAudit", managed("SecurityAudit")},
		{"ViewOnlyAccess", managed("ViewOnlyAccess")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := &Estate{Catalog: c}
			pol := NewPolicy(IdentityPolicy, tc.name, iammodel.ParseDocument(model.Set(tc.doc, model.Origin{})))
			if len(pol.stmts) == 0 {
				t.Fatalf("no statements in %s", tc.name)
			}
			for i := range pol.stmts {
				s := &pol.stmts[i]
				e.covered(s) // the set, which requests compute only once they are many
				for _, a := range c.Actions() {
					bySet := s.coversAction(&query{e: e, id: a.ID})
					byPattern := s.coversAction(&query{e: e, id: -1, action: strings.ToLower(a.String())})
					if bySet != byPattern {
						t.Fatalf("statement %d on %s: set says %v, patterns %v", s.index, a, bySet, byPattern)
					}
				}
			}
		})
	}
}
