package ecs

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the ECS checks.
func Checks() []*check.Check {
	return []*check.Check{
		privileged,
		envSecrets,
		writableRoot,
		hostNetwork,
		hostNamespaces,
		efsTransit,
		containerInsights,
		noLogging,
		publicIP,
	}
}
