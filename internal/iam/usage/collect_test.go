package usage

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
)

// summary renders usage as lines a test can compare.
func summary(u *Usage) []string {
	out := []string{fmt.Sprintf("%s %s calls=%d free=%d %s..%s", u.Principal, u.Principal.ARN, u.Calls, u.NoPermission,
		u.First.Format(time.RFC3339), u.Last.Format(time.RFC3339))}
	line := func(a *ActionUse) string {
		var arns []string
		for _, r := range a.Resources {
			arns = append(arns, r.ARN)
		}
		s := fmt.Sprintf("%s calls=%d", a.Action, a.Calls)
		if w := a.Wildcard(); w != NotWildcard {
			s += fmt.Sprintf(" * (%s, underived=%d)", w, a.Underived)
		}
		if len(arns) > 0 {
			s += " " + strings.Join(arns, " ")
		}
		return s
	}
	for _, a := range u.Actions {
		out = append(out, line(a))
	}
	for _, a := range u.Denied {
		out = append(out, "denied "+line(a))
	}
	for _, m := range u.Unmapped {
		out = append(out, fmt.Sprintf("unmapped %s %s calls=%d denied=%d: %s", m.Source, m.Name, m.Calls, m.Denied, m.Reason))
	}
	return out
}

func TestCollect(t *testing.T) {
	opts := ReadOptions{Since: day(1), Until: day(3), DeliveryDelay: time.Hour}
	r, err := Collect(context.Background(), openFixture(t).FS(), catalog.Load(), Selector{}, opts)
	if err != nil {
		t.Fatal(err)
	}
	var principals []string
	for _, u := range r.Principals {
		principals = append(principals, u.Principal.String())
	}
	wantPrincipals := []string{"user/alice", "role/app-role", "root", "service/events.amazonaws.com", "service/lambda.amazonaws.com"}
	if diff := cmp.Diff(wantPrincipals, principals); diff != "" {
		t.Errorf("principals (-want +got):\n%s", diff)
	}
	if r.NotAPICalls != 2 || r.Unattributed != 0 || r.Unselected != 0 || r.Stats.Events != 32 || len(r.Diagnostics) != 2 {
		t.Errorf("report = %d not API calls, %d unattributed, %d unselected, %d events, %d diagnostics; want 2, 0, 0, 32, 2",
			r.NotAPICalls, r.Unattributed, r.Unselected, r.Stats.Events, len(r.Diagnostics))
	}
	if !r.Since.Equal(opts.Since) || !r.Until.Equal(opts.Until) {
		t.Errorf("window = %v..%v", r.Since, r.Until)
	}

	wantRole := []string{
		"role/app-role arn:aws:iam::111122223333:role/service-role/app-role calls=20 free=1 2024-03-01T09:01:10Z..2024-03-02T12:00:01Z",
		"dynamodb:GetItem calls=1 arn:aws:dynamodb:us-east-1:111122223333:table/orders",
		"dynamodb:Query calls=1 arn:aws:dynamodb:us-east-1:111122223333:table/orders arn:aws:dynamodb:us-east-1:111122223333:table/orders/index/by-customer",
		"ec2:DescribeInstances calls=1 * (the action takes no resource, underived=0)",
		"kms:Decrypt calls=1 arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
		"logs:CreateLogStream calls=1 arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/app-function:log-stream:2024/03/02/[$LATEST]0123456789abcdef",
		"s3:DeleteObject calls=1 arn:aws:s3:::eu-archive/*",
		"s3:GetObject calls=4 arn:aws:s3:::data-bucket/reports/2024/03/a.csv arn:aws:s3:::data-bucket/reports/2024/03/b.csv arn:aws:s3:::data-bucket/reports/2024/03/c.csv arn:aws:s3:::eu-archive/2024/03/02/dump.tar",
		"s3:ListBucket calls=1 arn:aws:s3:::data-bucket",
		"s3:PutObject calls=1 arn:aws:s3:::data-bucket/uploads/batch-1.json",
		"secretsmanager:GetSecretValue calls=1 arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/app/db-??????",
		"sqs:ReceiveMessage calls=1 arn:aws:sqs:us-east-1:111122223333:jobs",
		"sqs:SendMessage calls=1 arn:aws:sqs:us-east-1:111122223333:jobs",
		"ssm:GetParameter calls=1 arn:aws:ssm:us-east-1:111122223333:parameter/app/prod/db-url",
		"denied iam:ListRoles calls=1 * (the action takes no resource, underived=0)",
		"denied s3:PutObject calls=1 arn:aws:s3:::other-bucket/x.txt",
		"unmapped dynamodb.amazonaws.com TransactWriteItems calls=1 denied=0: " + ReasonPerItemAction,
	}
	role, _ := ParseSelector("arn:aws:iam::111122223333:role/app-role")
	if diff := cmp.Diff(wantRole, summary(r.Usage(role))); diff != "" {
		t.Errorf("role usage (-want +got):\n%s", diff)
	}
	wantAlice := []string{
		"user/alice arn:aws:iam::111122223333:user/alice calls=7 free=0 2024-03-01T09:04:00Z..2024-03-02T12:00:00Z",
		"cloudwatch:PutMetricData calls=1 * (the log does not name the resource of every call, underived=1)",
		"iam:CreateAccessKey calls=1 arn:aws:iam::111122223333:user/*/bob arn:aws:iam::111122223333:user/bob",
		"iam:GetUser calls=1 arn:aws:iam::111122223333:user/alice",
		"lambda:GetFunction calls=1 arn:aws:lambda:us-east-1:111122223333:function:report-builder",
		"lambda:GetFunctionConfiguration calls=1 arn:aws:lambda:us-east-1:111122223333:function:report-builder:live",
		"lambda:ListFunctions calls=1 * (the action takes no resource, underived=0)",
		"denied ec2:RunInstances calls=1 * (the log does not name the resource of every call, underived=1)",
	}
	alice, _ := ParseSelector("user/alice")
	if diff := cmp.Diff(wantAlice, summary(r.Usage(alice))); diff != "" {
		t.Errorf("alice usage (-want +got):\n%s", diff)
	}
	if nobody, _ := ParseSelector("user/nobody"); r.Usage(nobody) != nil {
		t.Error("Usage(user/nobody) is not nil")
	}
}

func TestCollectSelector(t *testing.T) {
	sel, _ := ParseSelector("role/app-role")
	r, err := Collect(context.Background(), openFixture(t).FS(), catalog.Load(), sel, ReadOptions{Since: day(1), Until: day(3)})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Principals) != 1 || r.Principals[0].Principal.Name != "app-role" || r.Unselected != 10 {
		t.Errorf("got %d principals, %d unselected calls; want app-role alone and 10", len(r.Principals), r.Unselected)
	}
}

// event builds a record from JSON fields over an assumed-role default.
func event(t *testing.T, fields string) *Event {
	t.Helper()
	base := `{"eventVersion":"1.09","eventTime":"2024-03-01T10:00:00Z","eventType":"AwsApiCall","awsRegion":"us-east-1","recipientAccountId":"111122223333",
		"userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/app/s","accountId":"111122223333",
		"sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::111122223333:role/team/app","accountId":"111122223333","userName":"app"}}}}`
	var e Event
	if err := json.Unmarshal([]byte(base), &e); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(fields), &e); err != nil {
		t.Fatal(err)
	}
	return &e
}

func TestCollectorAdd(t *testing.T) {
	tests := []struct {
		name   string
		events []string
		want   []string
	}{
		{
			name: "versioned object",
			events: []string{
				`{"eventSource":"s3.amazonaws.com","eventName":"GetObject","requestParameters":{"bucketName":"b","key":"k","versionId":"v1"}}`,
				`{"eventSource":"s3.amazonaws.com","eventName":"DeleteObject","requestParameters":{"bucketName":"b","key":"k","versionId":""}}`,
			},
			want: []string{
				"s3:DeleteObject calls=1 arn:aws:s3:::b/k",
				"s3:GetObjectVersion calls=1 arn:aws:s3:::b/k",
			},
		},
		{
			name: "copy reads the source and writes the destination",
			events: []string{
				`{"eventSource":"s3.amazonaws.com","eventName":"CopyObject","requestParameters":{"bucketName":"dst","key":"d/k","x-amz-copy-source":"src/s/k"},
				  "resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::dst/d/k"}]}`,
			},
			want: []string{
				"s3:GetObject calls=1 arn:aws:s3:::src/s/k",
				"s3:PutObject calls=1 arn:aws:s3:::dst/d/k",
			},
		},
		{
			name: "resource known for some calls only",
			events: []string{
				`{"eventSource":"kms.amazonaws.com","eventName":"Decrypt","resources":[{"ARN":"arn:aws:kms:us-east-1:111122223333:key/k1"}]}`,
				`{"eventSource":"kms.amazonaws.com","eventName":"Decrypt","requestParameters":{"encryptionContext":{}}}`,
			},
			want: []string{"kms:Decrypt calls=2 * (the log does not name the resource of every call, underived=1) arn:aws:kms:us-east-1:111122223333:key/k1"},
		},
		{
			name: "several required resource types, some named",
			events: []string{
				`{"eventSource":"ec2.amazonaws.com","eventName":"RunInstances","resources":[{"ARN":"arn:aws:ec2:us-east-1:111122223333:instance/i-1"}]}`,
			},
			want: []string{"ec2:RunInstances calls=1 * (the log does not name the resource of every call, underived=1) arn:aws:ec2:us-east-1:111122223333:instance/i-1"},
		},
		{
			name: "one principal with and without the role path",
			events: []string{
				`{"eventSource":"sqs.amazonaws.com","eventName":"ListQueues","userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/app/s","accountId":"111122223333"}}`,
				`{"eventSource":"sqs.amazonaws.com","eventName":"ListQueues"}`,
			},
			want: []string{"sqs:ListQueues calls=2 * (the action takes no resource, underived=0)"},
		},
		{
			name: "errors other than denials are use",
			events: []string{
				`{"eventSource":"s3.amazonaws.com","eventName":"GetObject","errorCode":"NoSuchKey","requestParameters":{"bucketName":"b","key":"k"}}`,
				`{"eventSource":"s3.amazonaws.com","eventName":"GetObject","errorCode":"AccessDenied","requestParameters":{"bucketName":"b","key":"secret"}}`,
				`{"eventSource":"s3.amazonaws.com","eventName":"Frobnicate","errorCode":"AccessDenied"}`,
			},
			want: []string{
				"s3:GetObject calls=1 arn:aws:s3:::b/k",
				"denied s3:GetObject calls=1 arn:aws:s3:::b/secret",
				"unmapped s3.amazonaws.com Frobnicate calls=1 denied=1: " + ReasonNoAction,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewCollector(catalog.Load(), Selector{})
			for _, f := range tt.events {
				c.Add(event(t, f))
			}
			r := c.Report()
			if len(r.Principals) != 1 {
				t.Fatalf("%d principals, want 1", len(r.Principals))
			}
			u := r.Principals[0]
			if u.Principal.ARN != "arn:aws:iam::111122223333:role/team/app" {
				t.Errorf("principal ARN = %s", u.Principal.ARN)
			}
			if diff := cmp.Diff(tt.want, summary(u)[1:]); diff != "" {
				t.Errorf("usage (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCollectorCounts(t *testing.T) {
	c := NewCollector(catalog.Load(), Selector{})
	c.Add(&Event{Type: "AwsServiceEvent", Source: "ec2.amazonaws.com", Name: "X"})
	c.Add(&Event{Type: "AwsApiCall", Source: "ec2.amazonaws.com", Name: "DescribeRegions"})
	r := c.Report()
	if r.NotAPICalls != 1 || r.Unattributed != 1 || len(r.Principals) != 0 {
		t.Errorf("report = %+v", r)
	}
}
