package usage

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
)

func TestCompare(t *testing.T) {
	cat := catalog.Load()
	c := NewCollector(cat, Selector{})
	for _, f := range []string{
		`{"eventSource":"s3.amazonaws.com","eventName":"GetObject","requestParameters":{"bucketName":"b","key":"k"}}`,
		`{"eventSource":"sqs.amazonaws.com","eventName":"SendMessage","requestParameters":{"queueUrl":"https://sqs.us-east-1.amazonaws.com/111122223333/q"}}`,
		`{"eventSource":"s3.amazonaws.com","eventName":"PutObject","errorCode":"AccessDenied","requestParameters":{"bucketName":"b","key":"k"}}`,
		`{"eventSource":"iam.amazonaws.com","eventName":"ListRoles","errorCode":"AccessDenied"}`,
	} {
		c.Add(event(t, f))
	}
	u := c.Report().Principals[0]
	prefix := func(p string) func(string) bool { return func(a string) bool { return strings.HasPrefix(a, p) } }
	tests := []struct {
		name    string
		granted func(string) bool
		actions []string
		want    []string
	}{
		{
			name:    "predicate and a list to enumerate",
			granted: prefix("s3:"),
			actions: []string{"s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:GetObjectTagging", "s3:PutBucketPolicy", "iam:ListUsers"},
			want: []string{
				"used granted: s3:GetObject",
				"used not granted: denied iam:ListRoles, sqs:SendMessage",
				"denied granted: denied s3:PutObject",
				"unused s3 List: s3:ListBucket",
				"unused s3 Read: s3:GetObjectTagging",
				"unused s3 Permissions management: s3:PutBucketPolicy",
			},
		},
		{
			name:    "list only, with a pattern",
			actions: []string{"sqs:SendMessage", "iam:ListRoles", "iam:ListUser*"},
			want: []string{
				"used granted: sqs:SendMessage",
				"used not granted: s3:GetObject, denied s3:PutObject",
				"denied granted: denied iam:ListRoles",
				"unused iam List: iam:ListUserPolicies, iam:ListUsers, iam:ListUserTags",
			},
		},
		{
			name:    "predicate over the whole catalogue",
			granted: func(a string) bool { return a == "s3:GetObject" || a == "kms:Decrypt" || a == "kms:Encrypt" },
			want: []string{
				"used granted: s3:GetObject",
				"used not granted: denied iam:ListRoles, denied s3:PutObject, sqs:SendMessage",
				"unused kms Write: kms:Decrypt, kms:Encrypt",
			},
		},
		{
			name: "nothing granted",
			want: []string{"used not granted: denied iam:ListRoles, s3:GetObject, denied s3:PutObject, sqs:SendMessage"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := comparisonLines(u.Compare(cat, tt.granted, tt.actions))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("comparison (-want +got):\n%s", diff)
			}
		})
	}
}

func comparisonLines(c *Comparison) []string {
	var out []string
	list := func(label string, as []*ActionUse) {
		if len(as) == 0 {
			return
		}
		var names []string
		for _, a := range as {
			n := a.Action.String()
			if a.Denied {
				n = "denied " + n
			}
			names = append(names, n)
		}
		out = append(out, label+": "+strings.Join(names, ", "))
	}
	list("used granted", c.UsedGranted)
	list("used not granted", c.UsedNotGranted)
	list("denied granted", c.DeniedGranted)
	for _, g := range c.Unused {
		out = append(out, fmt.Sprintf("unused %s %s: %s", g.Service, g.Level, strings.Join(actionNames(g.Actions), ", ")))
	}
	return out
}
