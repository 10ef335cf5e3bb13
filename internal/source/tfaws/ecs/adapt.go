package ecs

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/ecs"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the ECS state from evaluated resources.
func Adapt(set *tfres.Set) ecs.State {
	insightsDefault := accountInsightsDefault(set)
	var st ecs.State
	for _, r := range set.OfType("aws_ecs_cluster") {
		st.Clusters = append(st.Clusters, adaptCluster(r, insightsDefault))
	}
	for _, r := range set.OfType("aws_ecs_task_definition") {
		st.TaskDefinitions = append(st.TaskDefinitions, adaptTaskDefinition(set, r))
	}
	for _, r := range set.OfType("aws_ecs_service") {
		st.Services = append(st.Services, adaptService(r))
	}
	return st
}

// accountInsightsDefault returns how a cluster without its own
// containerInsights setting is configured: by an
// aws_ecs_account_setting_default in the configuration when there is one,
// otherwise AWS's default, disabled. The returned function takes the
// cluster's origin, where the user would add the setting.
func accountInsightsDefault(set *tfres.Set) func(model.Origin) model.String {
	for _, r := range set.OfType("aws_ecs_account_setting_default") {
		name := r.Body.String("name", "")
		if name.IsNot("containerInsights") {
			continue
		}
		v := r.Body.String("value", "")
		val, ok := v.Get()
		if !ok || !name.Known() {
			return func(o model.Origin) model.String { return model.Unresolved[string](o) }
		}
		return func(o model.Origin) model.String { return model.Default(val, o) }
	}
	return func(o model.Origin) model.String { return model.Default("disabled", o) }
}

func adaptCluster(r *tfres.Resource, insightsDefault func(model.Origin) model.String) *ecs.Cluster {
	b := r.Body
	name := b.String("name", "")
	c := &ecs.Cluster{Resource: r.Identity(name.Val()), ClusterName: name, ContainerInsights: insightsDefault(b.Origin)}
	if !b.BlocksKnown("setting") {
		c.ContainerInsights = model.Unresolved[string](b.Origin)
	}
	for _, s := range b.Blocks("setting") {
		switch n := s.String("name", ""); {
		case n.Is("containerInsights"):
			c.ContainerInsights = s.String("value", "")
		case !n.Known():
			c.ContainerInsights = model.Unresolved[string](s.Origin)
		}
	}
	exec := b.Block("configuration").Block("execute_command_configuration")
	c.ExecuteCommand = ecs.ExecuteCommand{KMSKeyID: exec.String("kms_key_id", ""), Logging: exec.String("logging", "DEFAULT")}
	return c
}

func adaptTaskDefinition(set *tfres.Set, r *tfres.Resource) *ecs.TaskDefinition {
	b := r.Body
	family := b.String("family", "")
	td := &ecs.TaskDefinition{
		Resource:                r.Identity(family.Val()),
		Family:                  family,
		NetworkMode:             b.String("network_mode", "bridge"),
		PIDMode:                 b.String("pid_mode", ""),
		IPCMode:                 b.String("ipc_mode", ""),
		RequiresCompatibilities: b.StringList("requires_compatibilities"),
		TaskRoleARN:             b.String("task_role_arn", ""),
		TaskRoleID:              taskRoleID(set, b),
		ExecutionRoleARN:        b.String("execution_role_arn", ""),
		Containers:              parseContainers(b.String("container_definitions", "")),
		VolumesKnown:            b.BlocksKnown("volume"),
	}
	for _, v := range b.Blocks("volume") {
		vol := &ecs.Volume{Name: v.String("name", "")}
		if efs := v.Block("efs_volume_configuration"); efs.Present() {
			vol.EFS = &ecs.EFSVolume{
				FileSystemID:      efs.String("file_system_id", ""),
				TransitEncryption: efs.String("transit_encryption", "DISABLED"),
				IAMAuthorization:  efs.Block("authorization_config").String("iam", "DISABLED"),
				Meta:              model.Meta{Origin: efs.Origin, Certainty: certainty(efs)},
			}
		}
		td.Volumes = append(td.Volumes, vol)
	}
	return td
}

func certainty(b *tfres.Block) model.Certainty {
	if b.Unknown() {
		return model.Unknown
	}
	return model.Explicit
}

func adaptService(r *tfres.Resource) *ecs.Service {
	b := r.Body
	name := b.String("name", "")
	launchDefault := "EC2"
	if len(b.Blocks("capacity_provider_strategy")) > 0 || !b.BlocksKnown("capacity_provider_strategy") {
		launchDefault = ""
	}
	net := b.Block("network_configuration")
	return &ecs.Service{
		Resource:                r.Identity(name.Val()),
		ServiceName:             name,
		LaunchType:              b.String("launch_type", launchDefault),
		AssignPublicIP:          net.Bool("assign_public_ip", false),
		HasNetworkConfiguration: presence(net),
	}
}

// presence says whether an optional block is configured; unknown when a
// dynamic block could not be expanded.
func presence(b *tfres.Block) model.Bool {
	if b.Unknown() {
		return model.Unresolved[bool](b.Origin)
	}
	if b.Present() {
		return model.Set(true, b.Origin)
	}
	return model.Default(false, b.Origin)
}

// taskRoleID returns the model ID of the task role when the source defines
// it, or "".
func taskRoleID(set *tfres.Set, b *tfres.Block) string {
	if t, link := set.Resolve(b, "task_role_arn", []string{"aws_iam_role"}, "arn"); link == tfres.Linked && t.Mode == tfres.Managed {
		return t.Address
	}
	return ""
}
