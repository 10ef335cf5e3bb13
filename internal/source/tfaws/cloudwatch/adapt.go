package cloudwatch

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/cloudwatch"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the CloudWatch state from evaluated resources.
func Adapt(set *tfres.Set) cloudwatch.State {
	var st cloudwatch.State
	for _, r := range set.OfType("aws_cloudwatch_log_group") {
		b := r.Body
		name := groupName(b)
		st.LogGroups = append(st.LogGroups, &cloudwatch.LogGroup{
			Resource:      r.Identity(name.Val()),
			GroupName:     name,
			EncryptionKey: kmsadapt.KeyRef(set, b, "kms_key_id"),
			RetentionDays: b.Int("retention_in_days", 0),
		})
	}
	for _, r := range set.OfType("aws_cloudwatch_log_metric_filter") {
		b := r.Body
		name := b.String("name", "")
		f := &cloudwatch.MetricFilter{
			Resource:     r.Identity(name.Val()),
			FilterName:   name,
			Pattern:      b.String("pattern", ""),
			LogGroupName: b.String("log_group_name", ""),
			LogGroupID:   set.LinkID(b, "log_group_name", []string{"aws_cloudwatch_log_group"}, "name"),
		}
		for _, mt := range b.BlocksOrUnknown("metric_transformation") {
			f.Transformations = append(f.Transformations, cloudwatch.MetricTransformation{
				Name:      mt.String("name", ""),
				Namespace: mt.String("namespace", ""),
			})
		}
		st.MetricFilters = append(st.MetricFilters, f)
	}
	for _, r := range set.OfType("aws_cloudwatch_metric_alarm") {
		b := r.Body
		name := b.String("alarm_name", "")
		a := &cloudwatch.Alarm{
			Resource:       r.Identity(name.Val()),
			AlarmName:      name,
			ActionsEnabled: b.Bool("actions_enabled", true),
			AlarmActions:   b.StringList("alarm_actions"),
		}
		if b.Has("metric_name") || b.Unknown() {
			a.Metrics = append(a.Metrics, cloudwatch.Metric{Name: b.String("metric_name", ""), Namespace: b.String("namespace", "")})
		}
		for _, q := range b.BlocksOrUnknown("metric_query") {
			if m := q.Block("metric"); m.Present() {
				a.Metrics = append(a.Metrics, cloudwatch.Metric{Name: m.String("metric_name", ""), Namespace: m.String("namespace", "")})
			}
		}
		st.Alarms = append(st.Alarms, a)
	}
	return st
}

// groupName is the log group's name; with name_prefix (or neither) the name
// is generated at apply time.
func groupName(b *tfres.Block) model.String {
	if b.Has("name") || b.Unknown() {
		return b.String("name", "")
	}
	return model.Unresolved[string](b.Origin)
}
