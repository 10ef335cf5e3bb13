package cloudwatch_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/vigil-sec/vigil/internal/model/aws/cloudwatch"
)

func event(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestFilterPatternMatch(t *testing.T) {
	const (
		putRole   = `{"eventSource":"iam.amazonaws.com","eventName":"PutRolePolicy","eventType":"AwsApiCall","userIdentity":{"type":"IAMUser"}}`
		listRoles = `{"eventSource":"iam.amazonaws.com","eventName":"ListRoles","eventType":"AwsApiCall","userIdentity":{"type":"IAMUser"}}`
		rootCall  = `{"eventSource":"iam.amazonaws.com","eventName":"CreateUser","eventType":"AwsApiCall","userIdentity":{"type":"Root"}}`
		rootByAWS = `{"eventSource":"iam.amazonaws.com","eventName":"CreateUser","eventType":"AwsApiCall","userIdentity":{"type":"Root","invokedBy":"support.amazonaws.com"}}`
		denied    = `{"eventName":"GetObject","errorCode":"AccessDenied","sourceIPAddress":"203.0.113.10"}`
		unauth    = `{"eventName":"RunInstances","errorCode":"Client.UnauthorizedOperation","sourceIPAddress":"203.0.113.10"}`
		delivery  = `{"eventName":"PutObject","errorCode":"AccessDenied","sourceIPAddress":"delivery.logs.amazonaws.com"}`
		latency   = `{"latency":1500,"ok":true,"tags":["a","b"],"gone":null}`
	)
	tests := []struct {
		name    string
		pattern string
		event   string
		want    bool
	}{
		{"bare value", `{ $.eventName = PutRolePolicy }`, putRole, true},
		{"quoted value", `{ $.eventName = "PutRolePolicy" }`, putRole, true},
		{"no spaces", `{($.eventName=PutRolePolicy)||($.eventName=DeleteRolePolicy)}`, putRole, true},
		{"other event", `{($.eventName=PutRolePolicy)||($.eventName=DeleteRolePolicy)}`, listRoles, false},
		{"case sensitive", `{ $.eventName = putrolepolicy }`, putRole, false},
		{"nested and or", `{($.eventSource=iam.amazonaws.com) && (($.eventName=PutRolePolicy)||($.eventName=DeleteRolePolicy))}`, putRole, true},
		{"wrong source", `{($.eventSource=kms.amazonaws.com) && (($.eventName=PutRolePolicy))}`, putRole, false},
		{"root", `{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }`, rootCall, true},
		{"root invoked by service", `{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }`, rootByAWS, false},
		{"root not user", `{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS }`, putRole, false},
		{"prefix wildcard", `{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }`, unauth, true},
		{"suffix wildcard", `{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }`, denied, true},
		{"bare wildcard", `{ $.errorCode = *UnauthorizedOperation }`, unauth, true},
		{"missing field", `{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }`, putRole, false},
		{"and binds tighter", `{($.errorCode ="*UnauthorizedOperation") || ($.errorCode ="AccessDenied*") && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket")}`, delivery, false},
		{"and binds tighter keeps or", `{($.errorCode ="*UnauthorizedOperation") || ($.errorCode ="AccessDenied*") && ($.sourceIPAddress!="delivery.logs.amazonaws.com")}`, unauth, true},
		{"not equal on missing", `{ $.errorCode != "x" }`, putRole, false},
		{"any value", `{ $.eventName = * }`, putRole, true},
		{"number greater", `{ $.latency > 1000 }`, latency, true},
		{"number less", `{ $.latency < 1000 }`, latency, false},
		{"number equal", `{ $.latency = 1500 }`, latency, true},
		{"is true", `{ $.ok IS TRUE }`, latency, true},
		{"is false", `{ $.ok IS FALSE }`, latency, false},
		{"is null", `{ $.gone IS NULL }`, latency, true},
		{"exists", `{ $.gone EXISTS }`, latency, true},
		{"array index", `{ $.tags[1] = "b" }`, latency, true},
		{"array out of range", `{ $.tags[5] = "b" }`, latency, false},
		{"escaped quote", `{ $.eventName = "Put\"Role" }`, putRole, false},
		{"multi-line", "{\n  ($.eventName = PutRolePolicy) ||\n  ($.eventName = DeleteRolePolicy)\n}", putRole, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := cloudwatch.ParseFilterPattern(tt.pattern)
			if err != nil {
				t.Fatalf("ParseFilterPattern(%q): %v", tt.pattern, err)
			}
			if got := p.Match(event(t, tt.event)); got != tt.want {
				t.Errorf("Match(%s) = %v, want %v", tt.event, got, tt.want)
			}
		})
	}
}

func TestParseFilterPatternErrors(t *testing.T) {
	tests := []struct {
		pattern string
		notJSON bool
	}{
		{pattern: `ERROR`, notJSON: true},
		{pattern: `"Failed authentication"`, notJSON: true},
		{pattern: `[ip, user, ...]`, notJSON: true},
		{pattern: ``, notJSON: true},
		{pattern: `{ $.eventName = %Put.*% }`},
		{pattern: `{ $.eventName = PutRolePolicy`},
		{pattern: `{ ($.eventName = PutRolePolicy }`},
		{pattern: `{ eventName = PutRolePolicy }`},
		{pattern: `{ $.eventName ~ PutRolePolicy }`},
		{pattern: `{ $.eventName = }`},
		{pattern: `{ $.eventName = "open }`},
		{pattern: `{ $.a IS MAYBE }`},
		{pattern: `{ $.a NOT THERE }`},
		{pattern: `{ $.a[x] = 1 }`},
		{pattern: `{ $.a = 1 } trailing`},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			_, err := cloudwatch.ParseFilterPattern(tt.pattern)
			if err == nil {
				t.Fatal("no error")
			}
			if got := errors.Is(err, cloudwatch.ErrNotJSONPattern); got != tt.notJSON {
				t.Errorf("errors.Is(%v, ErrNotJSONPattern) = %v, want %v", err, got, tt.notJSON)
			}
		})
	}
}

func FuzzParseFilterPattern(f *testing.F) {
	f.Add(`{ ($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }`)
	f.Add(`{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS }`)
	f.Add(`{ $.a[0] > 3 }`)
	f.Fuzz(func(t *testing.T, s string) {
		p, err := cloudwatch.ParseFilterPattern(s)
		if err != nil {
			return
		}
		p.Match(map[string]any{"a": []any{1.0}, "eventName": "DisableKey"})
	})
}
