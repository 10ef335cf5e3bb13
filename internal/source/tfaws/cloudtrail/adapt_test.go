package cloudtrail

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/source/terraform"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// link is what a test expects of a trail's log group link: the model ID, or
// "?" when unknown.
func link(t *testing.T, src string) map[string]string {
	t.Helper()
	res, err := terraform.Load(context.Background(), fstest.MapFS{"main.tf": {Data: []byte(src)}}, ".", terraform.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diagnostics.HasErrors() {
		t.Fatalf("diagnostics: %v", res.Diagnostics)
	}
	got := map[string]string{}
	for _, tr := range Adapt(tfres.NewSet(res.Resources)).Trails {
		id, ok := tr.CloudWatch.LogGroupID.Get()
		if !ok {
			id = "?"
		}
		got[tr.ID] = id
	}
	return got
}

func TestLogGroupLink(t *testing.T) {
	const groups = `
resource "aws_cloudwatch_log_group" "a" {
  name = "/trail/a"
}
`
	tests := []struct {
		name string
		src  string
		want map[string]string
	}{
		{
			name: "reference in template",
			src: groups + `
resource "aws_cloudtrail" "t" {
  name                       = "t"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.a.arn}:*"
}`,
			want: map[string]string{"aws_cloudtrail.t": "aws_cloudwatch_log_group.a"},
		},
		{
			name: "literal ARN of a declared group",
			src: groups + `
resource "aws_cloudtrail" "t" {
  name                       = "t"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:/trail/a:*"
}`,
			want: map[string]string{"aws_cloudtrail.t": "aws_cloudwatch_log_group.a"},
		},
		{
			name: "literal ARN of an outside group",
			src: groups + `
resource "aws_cloudtrail" "t" {
  name                       = "t"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:/elsewhere:*"
}`,
			want: map[string]string{"aws_cloudtrail.t": "arn:aws:logs:eu-west-1:111122223333:log-group:/elsewhere:*"},
		},
		{
			name: "literal ARN and a group named at apply time",
			src: `
resource "aws_cloudwatch_log_group" "p" {
  name_prefix = "/trail/"
}

resource "aws_cloudtrail" "t" {
  name                       = "t"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:/trail/x:*"
}`,
			want: map[string]string{"aws_cloudtrail.t": "?"},
		},
		{
			name: "variable",
			src: groups + `
variable "arn" {
  type = string
}

resource "aws_cloudtrail" "t" {
  name                       = "t"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = var.arn
}`,
			want: map[string]string{"aws_cloudtrail.t": "?"},
		},
		{
			name: "no delivery",
			src: groups + `
resource "aws_cloudtrail" "t" {
  name           = "t"
  s3_bucket_name = "logs"
}`,
			want: map[string]string{"aws_cloudtrail.t": ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, link(t, tt.src)); diff != "" {
				t.Errorf("log group links (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLogGroupNameFromARN(t *testing.T) {
	tests := []struct {
		arn  string
		name string
		ok   bool
	}{
		{"arn:aws:logs:us-east-1:111122223333:log-group:/aws/cloudtrail/main:*", "/aws/cloudtrail/main", true},
		{"arn:aws-us-gov:logs:us-gov-west-1:111122223333:log-group:trail", "trail", true},
		{"arn:aws:logs:us-east-1:111122223333:log-group:a:b:*", "a:b", true},
		{"arn:aws:s3:::bucket", "", false},
		{"/aws/cloudtrail/main", "", false},
	}
	for _, tt := range tests {
		name, ok := logGroupNameFromARN(tt.arn)
		if name != tt.name || ok != tt.ok {
			t.Errorf("logGroupNameFromARN(%q) = %q, %v; want %q, %v", tt.arn, name, ok, tt.name, tt.ok)
		}
	}
}
