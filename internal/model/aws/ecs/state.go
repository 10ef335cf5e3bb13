package ecs

import "github.com/vigil-sec/vigil/internal/model"

// State holds the ECS resources of an estate.
type State struct {
	Clusters        []*Cluster
	TaskDefinitions []*TaskDefinition
	Services        []*Service
}

// Cluster is an ECS cluster.
type Cluster struct {
	model.Resource
	ClusterName model.String
	// ContainerInsights is "enabled", "enhanced" or "disabled".
	ContainerInsights model.String
	ExecuteCommand    ExecuteCommand
}

// ExecuteCommand is a cluster's ECS Exec configuration.
type ExecuteCommand struct {
	// KMSKeyID encrypts the session data; empty when not set.
	KMSKeyID model.String
	// Logging is "NONE", "DEFAULT" or "OVERRIDE".
	Logging model.String
}

// TaskDefinition is an ECS task definition.
type TaskDefinition struct {
	model.Resource
	Family model.String
	// NetworkMode is "none", "bridge", "awsvpc" or "host".
	NetworkMode model.String
	// PIDMode and IPCMode are "host", "task" (or "none" for IPC); empty when
	// the container runtime's default applies.
	PIDMode                 model.String
	IPCMode                 model.String
	RequiresCompatibilities model.List[string]
	TaskRoleARN             model.String
	ExecutionRoleARN        model.String
	// TaskRoleID is the model ID of the task role when the source defines
	// it (its ARN is then known only at apply time), else "".
	TaskRoleID string
	Containers Containers
	Volumes    []*Volume
	// VolumesKnown reports whether Volumes is the complete list.
	VolumesKnown bool
}

// Containers are a task definition's container definitions. They are known
// only when the whole definition text was resolved.
type Containers struct {
	Items []*Container
	model.Meta
}

// Container is one container definition. Values absent from the definition
// are defaulted at the definition's origin.
type Container struct {
	Name                   model.String
	Image                  model.String
	Privileged             model.Bool
	ReadonlyRootFilesystem model.Bool
	// User is the user the container runs as; empty when the image decides.
	User model.String
	// Environment holds plaintext variables, classified and never kept.
	Environment []EnvVar
	// SecretNames lists variables injected from Secrets Manager or SSM.
	SecretNames []string
	// LogDriver is the logConfiguration driver; empty when the container
	// has no log configuration.
	LogDriver    model.String
	PortMappings []PortMapping
}

// EnvVar is one plaintext environment variable. Its value is never kept.
type EnvVar struct {
	Name string
	// Secret names the kind of credential the value looks like (see package
	// secret), "" when it looks like none.
	Secret model.String
}

// PortMapping is a container port published by the task.
type PortMapping struct {
	ContainerPort model.Int
	HostPort      model.Int
	Protocol      model.String
}

// Volume is a task definition volume.
type Volume struct {
	Name model.String
	// EFS is set for EFS volumes.
	EFS *EFSVolume
}

// EFSVolume is an EFS volume configuration.
type EFSVolume struct {
	FileSystemID model.String
	// TransitEncryption is "ENABLED" or "DISABLED".
	TransitEncryption model.String
	// IAMAuthorization is "ENABLED" or "DISABLED".
	IAMAuthorization model.String
	model.Meta
}

// Service is an ECS service.
type Service struct {
	model.Resource
	ServiceName model.String
	// LaunchType is "EC2", "FARGATE", "EXTERNAL" or "" under a capacity
	// provider strategy.
	LaunchType model.String
	// AssignPublicIP applies to awsvpc tasks.
	AssignPublicIP model.Bool
	// HasNetworkConfiguration reports whether the service configures awsvpc
	// networking.
	HasNetworkConfiguration model.Bool
}
