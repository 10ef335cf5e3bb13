package awsestate

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// workloads adds what runs with a role: EC2 instances with an instance
// profile, Lambda functions and ECS task definitions with a task role. A
// workload whose role is not in the estate, or cannot be told (an ARN
// computed at apply time), is added with a nil Role: it runs as some role
// the estate does not know.
func (b *builder) workloads() {
	st := b.st
	profiles := b.profilesByRef()
	add := func(kind iam.WorkloadKind, r model.Resource, arn string, role *iam.Principal) {
		t, _ := tags(r.Tags)
		b.e.Workloads = append(b.e.Workloads, &iam.Workload{
			Kind: kind, ARN: arn, Account: b.accountOf(arn), Resource: r, Tags: t, Role: role,
		})
	}
	for _, in := range st.EC2.Instances {
		ref, ok := in.IAMInstanceProfile.Get()
		if ok && ref == "" {
			continue
		}
		var role *iam.Principal
		if ip := b.profileNamed(profiles, ref); ip != nil {
			role = b.profileRole(ip)
		}
		add(iam.EC2Instance, in.Resource, b.resourceARN(in.Resource, model.String{}, model.String{}, func(n string) string {
			return b.arn("ec2", "", "instance/"+n)
		}), role)
	}
	for _, f := range st.Lambda.Functions {
		if role, ok := b.workloadRole(f.RoleID, f.RoleARN); ok {
			add(iam.LambdaFunction, f.Resource, b.functionARN(f), role)
		}
	}
	for _, td := range st.ECS.TaskDefinitions {
		if role, ok := b.workloadRole(td.TaskRoleID, td.TaskRoleARN); ok {
			add(iam.ECSTaskDefinition, td.Resource, b.resourceARN(td.Resource, model.String{}, td.Family, func(n string) string {
				return b.arn("ecs", "", "task-definition/"+n)
			}), role)
		}
	}
}

// workloadRole resolves the role a workload runs with, by the role's model
// ID when the source links it, else by its ARN; ok is false when it runs
// with none.
func (b *builder) workloadRole(id string, v model.String) (role *iam.Principal, ok bool) {
	if p := b.byID[id]; p != nil && id != "" && p.Type == iam.Role {
		return p, true
	}
	arn, known := v.Get()
	switch {
	case known && arn == "":
		return nil, false
	case !known:
		return nil, true
	}
	return b.roleNamed(arn), true
}

// profilesByRef maps every way an instance names its instance profile (the
// profile's model ID, name or ARN) to the profile. A name or ARN several
// profiles share maps to nil.
func (b *builder) profilesByRef() map[string]*iammodel.InstanceProfile {
	ips := b.st.IAM.InstanceProfiles
	m := make(map[string]*iammodel.InstanceProfile, 3*len(ips))
	put := func(key string, ip *iammodel.InstanceProfile) {
		if prev, dup := m[key]; dup && prev != ip {
			ip = nil
		}
		m[key] = ip
	}
	for _, ip := range ips {
		put(ip.ID, ip)
		if name, ok := ip.ProfileName.Get(); ok && name != "" {
			put(name, ip)
		}
		if arn, ok := knownARN(ip.ARN); ok {
			put(arn, ip)
		}
	}
	return m
}

// profileNamed resolves an instance's profile reference. When the estate's
// account is not known, an ARN the estate does not hold names a profile by
// its name, as for roles.
func (b *builder) profileNamed(profiles map[string]*iammodel.InstanceProfile, ref string) *iammodel.InstanceProfile {
	if ip, ok := profiles[ref]; ok || b.account != PlaceholderAccount {
		return ip
	}
	f := strings.SplitN(ref, ":", 6)
	if len(f) < 6 || f[0] != "arn" || !strings.HasPrefix(f[5], "instance-profile/") {
		return nil
	}
	return profiles[f[5][strings.LastIndex(f[5], "/")+1:]]
}
