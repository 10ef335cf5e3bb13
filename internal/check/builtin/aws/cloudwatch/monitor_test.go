package cloudwatch

import (
	"testing"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/cloudwatch"
)

func TestMonitorsCoverTheirOwnPattern(t *testing.T) {
	for _, m := range monitors {
		t.Run(m.id, func(t *testing.T) {
			if got := m.covers(model.Set(m.pattern, model.Origin{})); got != yes {
				t.Errorf("CIS pattern of %s does not cover its events (got %d)", m.cis, got)
			}
		})
	}
}

func TestMonitorCovers(t *testing.T) {
	byCIS := map[string]*monitor{}
	for _, m := range monitors {
		byCIS[m.cis] = m
	}
	tests := []struct {
		name    string
		cis     string
		pattern string
		want    tri
	}{
		{"4.1 v1.2 pattern", "4.1", `{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }`, yes},
		{"4.1 exact AccessDenied misses AccessDeniedException", "4.1", `{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied") }`, no},
		{"4.2 v1.2 pattern", "4.2", `{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }`, yes},
		{"4.2 every login", "4.2", `{ $.eventName = "ConsoleLogin" }`, no},
		{"4.3 without invokedBy", "4.3", `{ $.userIdentity.type = "Root" }`, yes},
		{"4.4 without eventSource, reordered", "4.4", `{($.eventName=DetachGroupPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachRolePolicy)||($.eventName=SetDefaultPolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicy)||($.eventName=CreatePolicy)||($.eventName=PutUserPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutGroupPolicy)||($.eventName=DeleteUserPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteGroupPolicy)}`, yes},
		{"4.4 missing an event", "4.4", `{($.eventSource=iam.amazonaws.com) && (($.eventName=PutRolePolicy)||($.eventName=AttachRolePolicy))}`, no},
		{"4.5 catch-all", "4.5", `{ $.eventSource = "cloudtrail.amazonaws.com" }`, no},
		{"4.7 quoted", "4.7", `{ ($.eventSource = "kms.amazonaws.com") && (($.eventName = "DisableKey") || ($.eventName = "ScheduleKeyDeletion")) }`, yes},
		{"4.7 wrong source", "4.7", `{ ($.eventSource = "kms.amazon.com") && (($.eventName = "DisableKey") || ($.eventName = "ScheduleKeyDeletion")) }`, no},
		{"4.10 wildcard on names", "4.10", `{ ($.eventName = "*SecurityGroup*") }`, no},
		{"4.10 wildcard prefix", "4.10", `{ ($.eventName = "AuthorizeSecurityGroup*") || ($.eventName = "RevokeSecurityGroup*") || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }`, yes},
		{"term pattern", "4.6", `"Failed authentication"`, maybe},
		{"regex pattern", "4.6", `{ $.errorMessage = %Failed.*% }`, maybe},
		{"empty pattern matches everything", "4.6", ``, no},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := byCIS[tt.cis].covers(model.Set(tt.pattern, model.Origin{})); got != tt.want {
				t.Errorf("covers(%s) = %d, want %d", tt.pattern, got, tt.want)
			}
		})
	}
	if got := byCIS["4.1"].covers(model.Unresolved[string](model.Origin{})); got != maybe {
		t.Errorf("covers(unknown) = %d, want maybe", got)
	}
}

func TestOnGroup(t *testing.T) {
	group := func(id string, name model.String) *cloudwatch.LogGroup {
		return &cloudwatch.LogGroup{Resource: model.Resource{ID: id}, GroupName: name}
	}
	named := group("aws_cloudwatch_log_group.a", model.Set("/trail/a", model.Origin{}))
	prefixed := group("aws_cloudwatch_log_group.p", model.Unresolved[string](model.Origin{}))
	other := group("aws_cloudwatch_log_group.b", model.Set("/trail/b", model.Origin{}))
	groups := map[string]*cloudwatch.LogGroup{named.ID: named, prefixed.ID: prefixed, other.ID: other}
	for _, tt := range []struct {
		name   string
		filter model.String
		group  *cloudwatch.LogGroup
		want   tri
	}{
		{"linked to the group", model.Set(named.ID, model.Origin{}), named, yes},
		{"linked to another group", model.Set(other.ID, model.Origin{}), prefixed, no},
		{"outside group, named group", model.Set("/elsewhere", model.Origin{}), named, no},
		{"outside group, group named at apply time", model.Set("/elsewhere", model.Origin{}), prefixed, maybe},
		{"unknown link", model.Unresolved[string](model.Origin{}), named, maybe},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := &cloudwatch.MetricFilter{LogGroupID: tt.filter}
			if got := onGroup(f, tt.group, groups); got != tt.want {
				t.Errorf("onGroup = %d, want %d", got, tt.want)
			}
		})
	}
}
