package cloudwatch

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the CloudWatch resources of an estate.
type State struct {
	LogGroups     []*LogGroup
	MetricFilters []*MetricFilter
	Alarms        []*Alarm
}

// LogGroup is a CloudWatch Logs log group.
type LogGroup struct {
	model.Resource
	// GroupName is the log group's name; unknown when generated at apply time.
	GroupName model.String
	// EncryptionKey is the KMS key that encrypts the group's events; its ID
	// is "" when the service's own key is used.
	EncryptionKey kms.KeyRef
	// RetentionDays is how long events are kept; 0 means forever.
	RetentionDays model.Int
}

// MetricFilter turns matching log events of a log group into metric data.
type MetricFilter struct {
	model.Resource
	FilterName model.String
	// Pattern is the filter pattern text; see ParseFilterPattern.
	Pattern model.String
	// LogGroupName is the name of the log group the filter reads.
	LogGroupName model.String
	// LogGroupID is the model ID of that log group when it is part of the same
	// estate; otherwise the group name as written (a group outside the
	// configuration); unknown when the link cannot be resolved.
	LogGroupID      model.String
	Transformations []MetricTransformation
}

// MetricTransformation is the metric a filter publishes to.
type MetricTransformation struct {
	Name      model.String
	Namespace model.String
}

// Alarm is a CloudWatch metric alarm.
type Alarm struct {
	model.Resource
	AlarmName model.String
	// Metrics are the metrics the alarm watches: one, or several combined in
	// a metric math expression.
	Metrics []Metric
	// ActionsEnabled reports whether the alarm runs its actions.
	ActionsEnabled model.Bool
	// AlarmActions are the ARNs notified when the alarm fires (SNS topics,
	// Auto Scaling policies, ...); an item is unknown when its ARN is known
	// only at apply time.
	AlarmActions model.List[string]
}

// Metric names a CloudWatch metric.
type Metric struct {
	Name      model.String
	Namespace model.String
}
