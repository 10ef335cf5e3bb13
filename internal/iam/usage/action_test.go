package usage

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
)

func actionNames(as []*catalog.Action) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.String())
	}
	return out
}

func TestMapEvent(t *testing.T) {
	cat := catalog.Load()
	tests := []struct {
		source, name string
		want         []string
		free         bool
		reason       string
	}{
		{"s3.amazonaws.com", "GetObject", []string{"s3:GetObject"}, false, ""},
		{"s3.amazonaws.com", "GetObjectAcl", []string{"s3:GetObjectAcl"}, false, ""},
		{"s3.amazonaws.com", "HeadObject", []string{"s3:GetObject"}, false, ""},
		{"s3.amazonaws.com", "HeadBucket", []string{"s3:ListBucket"}, false, ""},
		{"s3.amazonaws.com", "ListObjects", []string{"s3:ListBucket"}, false, ""},
		{"s3.amazonaws.com", "ListObjectsV2", []string{"s3:ListBucket"}, false, ""},
		{"s3.amazonaws.com", "ListBuckets", []string{"s3:ListAllMyBuckets"}, false, ""},
		{"s3.amazonaws.com", "CopyObject", []string{"s3:PutObject", "s3:GetObject"}, false, ""},
		{"s3.amazonaws.com", "GetBucketEncryption", []string{"s3:GetEncryptionConfiguration"}, false, ""},
		{"lambda.amazonaws.com", "GetFunction20150331v2", []string{"lambda:GetFunction"}, false, ""},
		{"lambda.amazonaws.com", "ListFunctions20150331", []string{"lambda:ListFunctions"}, false, ""},
		{"lambda.amazonaws.com", "Invoke", []string{"lambda:InvokeFunction"}, false, ""},
		{"lambda.amazonaws.com", "UpdateFunctionCode20150331v2", []string{"lambda:UpdateFunctionCode"}, false, ""},
		{"cloudfront.amazonaws.com", "GetDistribution2020_05_31", []string{"cloudfront:GetDistribution"}, false, ""},
		{"monitoring.amazonaws.com", "PutMetricData", []string{"cloudwatch:PutMetricData"}, false, ""},
		{"email.amazonaws.com", "SendEmail", []string{"ses:SendEmail"}, false, ""},
		{"streams.dynamodb.amazonaws.com", "GetRecords", []string{"dynamodb:GetRecords"}, false, ""},
		{"elasticloadbalancing.amazonaws.com", "DescribeLoadBalancers", []string{"elasticloadbalancing:DescribeLoadBalancers"}, false, ""},
		{"states.amazonaws.com", "StartExecution", []string{"states:StartExecution"}, false, ""},
		{"sso.amazonaws.com", "ListInstances", []string{"sso:ListInstances"}, false, ""},
		{"kms.amazonaws.com", "ReEncrypt", []string{"kms:ReEncryptFrom", "kms:ReEncryptTo"}, false, ""},
		{"sqs.amazonaws.com", "SendMessageBatch", []string{"sqs:SendMessage"}, false, ""},
		{"apigateway.amazonaws.com", "GetRestApis", []string{"apigateway:GET"}, false, ""},
		{"apigateway.amazonaws.com", "CreateDeployment", []string{"apigateway:POST"}, false, ""},
		{"apigateway.amazonaws.com", "UpdateStage", []string{"apigateway:PATCH"}, false, ""},
		{"apigateway.amazonaws.com", "TagResource", []string{"apigateway:PUT"}, false, ""},
		{"cloudcontrolapi.amazonaws.com", "GetResource", []string{"cloudformation:GetResource"}, false, ""},
		{"sts.amazonaws.com", "GetCallerIdentity", nil, true, ""},
		{"dynamodb.amazonaws.com", "TransactWriteItems", nil, false, ReasonPerItemAction},
		{"sso.amazonaws.com", "GetRoleCredentials", nil, false, ReasonNoAction},
		{"s3.amazonaws.com", "NoSuchOperation", nil, false, ReasonNoAction},
		{"nosuchservice.amazonaws.com", "Describe", nil, false, ReasonNoService},
		{"example.com", "GetThing", nil, false, ReasonNotAWS},
		{".amazonaws.com", "GetThing", nil, false, ReasonNotAWS},
	}
	for _, tt := range tests {
		t.Run(tt.source+"/"+tt.name, func(t *testing.T) {
			m := mapEvent(cat, tt.source, tt.name)
			if diff := cmp.Diff(tt.want, actionNames(m.actions)); diff != "" {
				t.Errorf("actions (-want +got):\n%s", diff)
			}
			if m.free != tt.free || m.reason != tt.reason {
				t.Errorf("free, reason = %v, %q; want %v, %q", m.free, m.reason, tt.free, tt.reason)
			}
		})
	}
}

// TestTablesInCatalogue keeps the mapping tables honest: every action and
// service they name exists.
func TestTablesInCatalogue(t *testing.T) {
	cat := catalog.Load()
	for src, prefix := range sourcePrefixes {
		if cat.Service(prefix) == nil {
			t.Errorf("sourcePrefixes[%q] = %q: no such service", src, prefix)
		}
	}
	for prefix, names := range renames {
		for name, targets := range names {
			if cat.Action(prefix+":"+name) != nil && len(targets) == 1 && targets[0] == name {
				t.Errorf("renames[%q][%q] maps a name to itself", prefix, name)
			}
			for _, target := range targets {
				if cat.Action(prefix+":"+target) == nil {
					t.Errorf("renames[%q][%q]: %s:%s is not in the catalogue", prefix, name, prefix, target)
				}
			}
		}
	}
	for from, to := range versionedS3 {
		if cat.Action("s3:"+from) == nil || cat.Action("s3:"+to) == nil {
			t.Errorf("versionedS3[%q] = %q: not in the catalogue", from, to)
		}
	}
	for a := range permissionFree {
		if cat.Action(a) == nil {
			t.Errorf("permissionFree %s is not in the catalogue", a)
		}
	}
	for _, v := range apigatewayVerbs {
		if cat.Action("apigateway:"+v.verb) == nil {
			t.Errorf("apigateway:%s is not in the catalogue", v.verb)
		}
	}
}

func TestUndated(t *testing.T) {
	for in, want := range map[string]string{
		"GetFunction20150331v2":     "GetFunction",
		"ListFunctions20150331":     "ListFunctions",
		"GetDistribution2020_05_31": "GetDistribution",
		"ListObjectsV2":             "ListObjectsV2",
		"GetObject":                 "GetObject",
		"20150331":                  "20150331",
		"Describe12345678":          "Describe12345678",
	} {
		if got := undated(in); got != want {
			t.Errorf("undated(%q) = %q, want %q", in, got, want)
		}
	}
}
