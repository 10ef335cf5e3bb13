package config

import "github.com/vigil-sec/vigil/internal/model"

// State holds the Config resources of an estate.
type State struct {
	Recorders   []*Recorder
	Aggregators []*Aggregator
}

// Recorder is an AWS Config configuration recorder with its recording status.
type Recorder struct {
	model.Resource
	RecorderName model.String
	RoleARN      model.String
	// AllSupported reports whether every supported resource type is recorded.
	AllSupported model.Bool
	// IncludeGlobalResourceTypes reports whether global resources (IAM users,
	// groups, roles, policies) are recorded.
	IncludeGlobalResourceTypes model.Bool
	// ResourceTypes lists the recorded types when AllSupported is false.
	ResourceTypes model.List[string]
	// Recording reports whether the recorder is started.
	Recording model.Bool
}

// Aggregator is an AWS Config configuration aggregator.
type Aggregator struct {
	model.Resource
	AggregatorName model.String
	// Organization reports whether the aggregator collects from the whole
	// organization rather than a list of accounts.
	Organization model.Bool
	// AllRegions reports whether every current and future region is collected.
	AllRegions model.Bool
	// Regions lists the collected regions when AllRegions is false.
	Regions model.List[string]
}
