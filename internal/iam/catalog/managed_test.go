package catalog

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestManagedPolicy(t *testing.T) {
	c := Load()
	for _, tc := range []struct {
		arn     string
		ok      bool
		has     string // a substring of the document
		hasNot  string
		actions string // the first statement's Action, when a string
	}{
		{arn: "arn:aws:iam::aws:policy/AdministratorAccess", ok: true, actions: "*"},
		{arn: "arn:aws-us-gov:iam::aws:policy/AdministratorAccess", ok: true, actions: "*"},
		{arn: "arn:aws-cn:iam::aws:policy/AdministratorAccess", ok: true, actions: "*"},
		{arn: "arn:aws:iam::aws:policy/ReadOnlyAccess", ok: true, has: `"s3:Get*"`},
		{arn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", ok: true, has: `"logs:PutLogEvents"`},
		{arn: "arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy", ok: true},
		{arn: "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", ok: true},
		// ARNs in the document follow the partition asked for.
		{arn: "arn:aws:iam::aws:policy/aws-service-role/AmazonRDSServiceRolePolicy", ok: true, has: `"arn:aws:`, hasNot: `"arn:aws-cn:`},
		{arn: "arn:aws-cn:iam::aws:policy/aws-service-role/AmazonRDSServiceRolePolicy", ok: true, has: `"arn:aws-cn:`, hasNot: `"arn:aws:`},
		{arn: "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole"}, // path missing
		{arn: "arn:aws:iam::aws:policy/administratoraccess"},         // ARNs are case-sensitive
		{arn: "arn:aws:iam::aws:policy/NoSuchPolicy"},
		{arn: "arn:aws:iam::123456789012:policy/AdministratorAccess"}, // a customer's
		{arn: "arn:*:iam::aws:policy/AdministratorAccess"},
		{arn: "arn::iam::aws:policy/AdministratorAccess"},
		{arn: "AdministratorAccess"},
		{arn: ""},
	} {
		t.Run(tc.arn, func(t *testing.T) {
			doc, ok := c.ManagedPolicy(tc.arn)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if !ok {
				if doc != "" {
					t.Errorf("document %q with ok false", doc)
				}
				return
			}
			var d struct {
				Version   string
				Statement []struct{ Action any }
			}
			if err := json.Unmarshal([]byte(doc), &d); err != nil || d.Version != "2012-10-17" || len(d.Statement) == 0 {
				t.Fatalf("document is not a policy (%v): %.200s", err, doc)
			}
			if tc.actions != "" && d.Statement[0].Action != tc.actions {
				t.Errorf("Action = %v, want %q", d.Statement[0].Action, tc.actions)
			}
			if !strings.Contains(doc, tc.has) {
				t.Errorf("document lacks %s", tc.has)
			}
			if tc.hasNot != "" && strings.Contains(doc, tc.hasNot) {
				t.Errorf("document has %s", tc.hasNot)
			}
		})
	}
}

func TestManagedPolicyARN(t *testing.T) {
	c := Load()
	for _, tc := range []struct{ name, arn string }{
		{"AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess"},
		{"administratoraccess", "arn:aws:iam::aws:policy/AdministratorAccess"},
		{"ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"},
		{"AWSLambdaBasicExecutionRole", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"},
		{"service-role/AWSLambdaBasicExecutionRole", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"},
		{"job-function/ViewOnlyAccess", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"},
		{"aws-service-role/AWSLambdaBasicExecutionRole", ""},
		{"/AdministratorAccess", ""},
		{"NoSuchPolicy", ""},
		{"", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arn, ok := c.ManagedPolicyARN(tc.name)
			if arn != tc.arn || ok != (tc.arn != "") {
				t.Fatalf("ManagedPolicyARN(%q) = %q, %v, want %q", tc.name, arn, ok, tc.arn)
			}
			if ok {
				if _, found := c.ManagedPolicy(arn); !found {
					t.Errorf("ManagedPolicy(%q) does not find it", arn)
				}
			}
		})
	}
}
