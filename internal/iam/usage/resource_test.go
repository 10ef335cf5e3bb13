package usage

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRequestTargets(t *testing.T) {
	alice := Identity{Type: "IAMUser", ARN: "arn:aws:iam::111122223333:user/alice", AccountID: "111122223333"}
	tests := []struct {
		name       string
		prefix     string
		event      string
		params     string
		id         Identity
		region     string
		copySource bool
		want       []target
	}{
		{name: "s3 object", prefix: "s3", params: `{"bucketName":"b","key":"a/b*.csv"}`,
			want: []target{{"arn:aws:s3:::b", "arn:aws:s3:::b"}, {"arn:aws:s3:::b/a/b${*}.csv", "arn:aws:s3:::b/a/b${*}.csv"}}},
		{name: "s3 bucket only", prefix: "s3", params: `{"bucketName":"b"}`,
			want: []target{{"arn:aws:s3:::b", "arn:aws:s3:::b"}, {"arn:aws:s3:::b/*", "arn:aws:s3:::b/*"}}},
		{name: "s3 copy source", prefix: "s3", params: `{"bucketName":"dst","key":"k","x-amz-copy-source":"src/dir%2Fa.txt?versionId=3"}`, copySource: true,
			want: []target{{"arn:aws:s3:::src", "arn:aws:s3:::src"}, {"arn:aws:s3:::src/dir/a.txt", "arn:aws:s3:::src/dir/a.txt"}}},
		{name: "s3 china", prefix: "s3", region: "cn-north-1", id: Identity{}, params: `{"bucketName":"b"}`,
			want: []target{{"arn:aws-cn:s3:::b", "arn:aws-cn:s3:::b"}, {"arn:aws-cn:s3:::b/*", "arn:aws-cn:s3:::b/*"}}},
		{name: "dynamodb table and index", prefix: "dynamodb", params: `{"tableName":"t","indexName":"i"}`,
			want: []target{{"arn:aws:dynamodb:us-east-1:111122223333:table/t", "arn:aws:dynamodb:us-east-1:111122223333:table/t"},
				{"arn:aws:dynamodb:us-east-1:111122223333:table/t/index/i", "arn:aws:dynamodb:us-east-1:111122223333:table/t/index/i"}}},
		{name: "dynamodb batch", prefix: "dynamodb", params: `{"requestItems":{"t1":{}}}`,
			want: []target{{"arn:aws:dynamodb:us-east-1:111122223333:table/t1", "arn:aws:dynamodb:us-east-1:111122223333:table/t1"}}},
		{name: "sqs queue url", prefix: "sqs", params: `{"queueUrl":"https://sqs.eu-west-1.amazonaws.com/444455556666/jobs"}`,
			want: []target{{"arn:aws:sqs:eu-west-1:444455556666:jobs", "arn:aws:sqs:eu-west-1:444455556666:jobs"}}},
		{name: "sqs legacy url", prefix: "sqs", params: `{"queueUrl":"https://us-west-2.queue.amazonaws.com/444455556666/jobs"}`,
			want: []target{{"arn:aws:sqs:us-west-2:444455556666:jobs", "arn:aws:sqs:us-west-2:444455556666:jobs"}}},
		{name: "sqs bad url", prefix: "sqs", params: `{"queueUrl":"jobs"}`},
		{name: "sns topic", prefix: "sns", params: `{"topicArn":"arn:aws:sns:us-east-1:111122223333:t"}`,
			want: []target{{"arn:aws:sns:us-east-1:111122223333:t", "arn:aws:sns:us-east-1:111122223333:t"}}},
		{name: "lambda name", prefix: "lambda", params: `{"functionName":"f"}`,
			want: []target{{"arn:aws:lambda:us-east-1:111122223333:function:f", "arn:aws:lambda:us-east-1:111122223333:function:f"}}},
		{name: "lambda qualifier", prefix: "lambda", params: `{"functionName":"f","qualifier":"live"}`,
			want: []target{{"arn:aws:lambda:us-east-1:111122223333:function:f", "arn:aws:lambda:us-east-1:111122223333:function:f:live"}}},
		{name: "lambda partial arn", prefix: "lambda", params: `{"functionName":"444455556666:function:f"}`,
			want: []target{{"arn:aws:lambda:us-east-1:444455556666:function:f", "arn:aws:lambda:us-east-1:444455556666:function:f"}}},
		{name: "kms key id", prefix: "kms", params: `{"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab"}`,
			want: []target{{"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}},
		{name: "kms alias", prefix: "kms", params: `{"keyId":"alias/app"}`},
		{name: "iam role name", prefix: "iam", params: `{"roleName":"app"}`,
			want: []target{{"arn:aws:iam::111122223333:role/app", "arn:aws:iam::111122223333:role/app"}, {"arn:aws:iam::111122223333:role/*/app", "arn:aws:iam::111122223333:role/*/app"}}},
		{name: "iam self", prefix: "iam", id: alice, params: `{}`,
			want: []target{{"arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:user/alice"}}},
		{name: "iam policy", prefix: "iam", params: `{"policyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}`,
			want: []target{{"arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"}}},
		{name: "secret name", prefix: "secretsmanager", params: `{"secretId":"prod/db"}`,
			want: []target{{"arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-??????", "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-??????"}}},
		{name: "ssm names", prefix: "ssm", params: `{"names":["/a/b","c"]}`,
			want: []target{{"arn:aws:ssm:us-east-1:111122223333:parameter/a/b", "arn:aws:ssm:us-east-1:111122223333:parameter/a/b"}, {"arn:aws:ssm:us-east-1:111122223333:parameter/c", "arn:aws:ssm:us-east-1:111122223333:parameter/c"}}},
		{name: "log group and stream", prefix: "logs", params: `{"logGroupName":"/g","logStreamName":"s"}`,
			want: []target{{"arn:aws:logs:us-east-1:111122223333:log-group:/g", "arn:aws:logs:us-east-1:111122223333:log-group:/g:*"},
				{"arn:aws:logs:us-east-1:111122223333:log-group:/g:log-stream:s", "arn:aws:logs:us-east-1:111122223333:log-group:/g:log-stream:s"}}},
		{name: "ecr other registry", prefix: "ecr", params: `{"repositoryName":"r","registryId":"444455556666"}`,
			want: []target{{"arn:aws:ecr:us-east-1:444455556666:repository/r", "arn:aws:ecr:us-east-1:444455556666:repository/r"}}},
		{name: "wrong parameter type", prefix: "lambda", params: `{"functionName":{"x":1}}`},
		{name: "no parameters", prefix: "s3", params: `null`},
		{name: "unknown service", prefix: "ec2", params: `{"instanceId":"i-1"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &Event{Name: tt.event, Region: "us-east-1", Account: "111122223333", Identity: tt.id, Request: json.RawMessage(tt.params)}
			if tt.region != "" {
				e.Region = tt.region
			}
			p := params(e)
			got := requestTargets(e, &p, tt.prefix, tt.copySource, nil)
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(target{})); diff != "" {
				t.Errorf("targets (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEscapeARN(t *testing.T) {
	for in, want := range map[string]string{
		"arn:aws:s3:::b/k":         "arn:aws:s3:::b/k",
		"arn:aws:s3:::b/a*b?c":     "arn:aws:s3:::b/a${*}b${?}c",
		"arn:aws:s3:::b/${x}":      "arn:aws:s3:::b/${$}{x}",
		"arn:aws:s3:::b/[$LATEST]": "arn:aws:s3:::b/[$LATEST]",
		"arn:aws:s3:::b/$":         "arn:aws:s3:::b/$",
	} {
		if got := escapeARN(in); got != want {
			t.Errorf("escapeARN(%q) = %q, want %q", in, got, want)
		}
	}
}
