package usage

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// TestPolicyGolden writes the policies of the fixture principals; -update
// rewrites testdata/policy.
func TestPolicyGolden(t *testing.T) {
	r, err := Collect(context.Background(), openFixture(t).FS(), catalog.Load(), Selector{}, ReadOptions{Since: day(1), Until: day(3), DeliveryDelay: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		principal string
		opts      PolicyOptions
		golden    string
		wildcards []WildcardAction
	}{
		{"role/app-role", PolicyOptions{}, "app-role.json", []WildcardAction{{Action: "ec2:DescribeInstances", Why: TakesNoResource, Calls: 1}}},
		{"role/app-role", PolicyOptions{Collapse: 2}, "app-role-collapse-2.json", []WildcardAction{{Action: "ec2:DescribeInstances", Why: TakesNoResource, Calls: 1}}},
		{"user/alice", PolicyOptions{}, "alice.json", []WildcardAction{
			{Action: "cloudwatch:PutMetricData", Why: ResourceUnknown, Calls: 1, Underived: 1},
			{Action: "lambda:ListFunctions", Why: TakesNoResource, Calls: 1},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			sel, err := ParseSelector(tt.principal)
			if err != nil {
				t.Fatal(err)
			}
			p := r.Usage(sel).Policy(tt.opts)
			got := p.JSON()
			path := filepath.Join("testdata", "policy", tt.golden)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("policy (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wildcards, p.Wildcards); diff != "" {
				t.Errorf("wildcards (-want +got):\n%s", diff)
			}
			doc := iammodel.ParseDocument(model.Set(string(got), model.Origin{}))
			if !doc.Known() || len(doc.Statements) != len(p.Statements) {
				t.Errorf("the document does not parse as a policy: %s", doc.Err)
			}
			if again := r.Usage(sel).Policy(tt.opts).JSON(); !bytes.Equal(again, got) {
				t.Error("a second run wrote a different policy")
			}
			var compact bytes.Buffer
			if err := json.Compact(&compact, got); err != nil || p.Size() != compact.Len() {
				t.Errorf("Size() = %d, want %d", p.Size(), compact.Len())
			}
		})
	}
}

func TestPolicyEmpty(t *testing.T) {
	p := (&Usage{}).Policy(PolicyOptions{})
	want := "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}\n"
	if got := string(p.JSON()); got != want {
		t.Errorf("JSON() = %q, want %q", got, want)
	}
}

func TestCollapse(t *testing.T) {
	cat := catalog.Load()
	object := cat.Action("s3:GetObject").Resources[1].Type
	stream := cat.Action("logs:PutLogEvents").Resources[0].Type
	key := cat.Action("kms:Decrypt").Resources[0].Type
	res := func(t *catalog.ResourceType, arns ...string) []ResourceUse {
		var out []ResourceUse
		for _, a := range arns {
			out = append(out, ResourceUse{ARN: a, Type: t})
		}
		return out
	}
	tests := []struct {
		name  string
		in    []ResourceUse
		limit int
		want  []string
	}{
		{"under the limit", res(object, "arn:aws:s3:::b/r/1", "arn:aws:s3:::b/r/2"), 2, []string{"arn:aws:s3:::b/r/1", "arn:aws:s3:::b/r/2"}},
		{"common folder", res(object, "arn:aws:s3:::b/r/2024/1", "arn:aws:s3:::b/r/2024/2", "arn:aws:s3:::b/r/2025/3"), 2, []string{"arn:aws:s3:::b/r/*"}},
		{"no common folder", res(object, "arn:aws:s3:::b/a", "arn:aws:s3:::b/b", "arn:aws:s3:::b/c"), 2, []string{"arn:aws:s3:::b/*"}},
		{"per bucket", res(object, "arn:aws:s3:::b/x/1", "arn:aws:s3:::b/x/2", "arn:aws:s3:::b/x/3", "arn:aws:s3:::c/1"), 2, []string{"arn:aws:s3:::b/x/*", "arn:aws:s3:::c/1"}},
		{"never", res(object, "arn:aws:s3:::b/a", "arn:aws:s3:::b/b", "arn:aws:s3:::b/c"), -1, []string{"arn:aws:s3:::b/a", "arn:aws:s3:::b/b", "arn:aws:s3:::b/c"}},
		{"escapes stay whole", res(object, "arn:aws:s3:::b/${*}/1", "arn:aws:s3:::b/${*}/2", "arn:aws:s3:::b/${*}x"), 2, []string{"arn:aws:s3:::b/*"}},
		{"a pattern covers keys", res(object, "arn:aws:s3:::b/*", "arn:aws:s3:::b/k", "arn:aws:s3:::bb/k"), 10, []string{"arn:aws:s3:::b/*", "arn:aws:s3:::bb/k"}},
		{"log streams", res(stream, "arn:aws:logs:r:1:log-group:g:log-stream:2024/a", "arn:aws:logs:r:1:log-group:g:log-stream:2024/b", "arn:aws:logs:r:1:log-group:g:log-stream:2024/c"), 2,
			[]string{"arn:aws:logs:r:1:log-group:g:log-stream:*"}},
		{"other types are listed", res(key, "arn:aws:kms:r:1:key/a", "arn:aws:kms:r:1:key/b", "arn:aws:kms:r:1:key/c"), 2,
			[]string{"arn:aws:kms:r:1:key/a", "arn:aws:kms:r:1:key/b", "arn:aws:kms:r:1:key/c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := collapse(tt.in, tt.limit)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("collapse (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCamel(t *testing.T) {
	for in, want := range map[string]string{"s3": "S3", "execute-api": "ExecuteApi", "stateMachine": "StateMachine", "log-stream": "LogStream", "Secret": "Secret", "resource-explorer-2": "ResourceExplorer2"} {
		if got := camel(in); got != want {
			t.Errorf("camel(%q) = %q, want %q", in, got, want)
		}
	}
}
