package awsiam

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
)

// synthetic builds a snapshot of a large account: roles, users in groups,
// and customer managed policies with two versions each, all with policy
// documents in the CLI's object form.
func synthetic(roles, users, policies int) []byte {
	doc := map[string]any{"Version": "2012-10-17", "Statement": []any{
		map[string]any{"Effect": "Allow", "Action": []string{"s3:GetObject", "s3:PutObject"}, "Resource": "arn:aws:s3:::bucket/*"},
		map[string]any{"Effect": "Deny", "Action": "iam:*", "Resource": "*", "Condition": map[string]any{"Bool": map[string]any{"aws:MultiFactorAuthPresent": "false"}}},
	}}
	arn := func(kind string, i int) string { return fmt.Sprintf("arn:aws:iam::123456789012:%s/n%d", kind, i) }
	attached := func(i int) []any {
		return []any{map[string]any{"PolicyName": fmt.Sprint("n", i%policies), "PolicyArn": arn("policy", i%policies)}}
	}
	var snap struct {
		UserDetailList, GroupDetailList, RoleDetailList, Policies []any
	}
	for i := range policies {
		snap.Policies = append(snap.Policies, map[string]any{"PolicyName": fmt.Sprint("n", i), "Arn": arn("policy", i), "Path": "/", "DefaultVersionId": "v2",
			"PolicyVersionList": []any{
				map[string]any{"Document": doc, "VersionId": "v2", "IsDefaultVersion": true},
				map[string]any{"Document": doc, "VersionId": "v1", "IsDefaultVersion": false},
			}})
	}
	for i := range 10 {
		snap.GroupDetailList = append(snap.GroupDetailList, map[string]any{"GroupName": fmt.Sprint("n", i), "Arn": arn("group", i), "Path": "/",
			"CreateDate": "2021-03-04T09:10:00+00:00", "AttachedManagedPolicies": attached(i)})
	}
	for i := range users {
		snap.UserDetailList = append(snap.UserDetailList, map[string]any{"UserName": fmt.Sprint("n", i), "Arn": arn("user", i), "Path": "/",
			"CreateDate": "2021-03-04T09:10:00+00:00", "GroupList": []string{fmt.Sprint("n", i%10)},
			"UserPolicyList": []any{map[string]any{"PolicyName": "inline", "PolicyDocument": doc}}, "AttachedManagedPolicies": attached(i)})
	}
	for i := range roles {
		snap.RoleDetailList = append(snap.RoleDetailList, map[string]any{"RoleName": fmt.Sprint("n", i), "Arn": arn("role", i), "Path": "/",
			"CreateDate": "2021-03-04T09:10:00+00:00", "AssumeRolePolicyDocument": doc,
			"RolePolicyList": []any{map[string]any{"PolicyName": "inline", "PolicyDocument": doc}}, "AttachedManagedPolicies": attached(i),
			"Tags": []any{map[string]any{"Key": "team", "Value": "x"}}, "RoleLastUsed": map[string]any{"LastUsedDate": "2024-05-02T07:41:13+00:00"}})
	}
	data, err := json.MarshalIndent(snap, "", "    ")
	if err != nil {
		panic(err)
	}
	return data
}

// BenchmarkLoad measures a snapshot of a large account (roles=5000: a few
// MiB, the size organizations with many workloads produce), plain and
// compressed.
func BenchmarkLoad(b *testing.B) {
	data := synthetic(5000, 1000, 300)
	for _, c := range []struct {
		name string
		data []byte
	}{{"roles=5000/plain", data}, {"roles=5000/gzip", gzipped(b, data)}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, diags := Load(bytes.NewReader(c.data), "bench.json"); len(diags) > 0 {
					b.Fatal(diags)
				}
			}
		})
	}
}
