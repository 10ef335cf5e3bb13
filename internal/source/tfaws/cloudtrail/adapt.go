package cloudtrail

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/cloudtrail"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the CloudTrail state from evaluated resources.
func Adapt(set *tfres.Set) cloudtrail.State {
	var st cloudtrail.State
	for _, r := range set.OfType("aws_cloudtrail") {
		b := r.Body
		name := b.String("name", "")
		t := &cloudtrail.Trail{
			Resource:                   r.Identity(name.Val()),
			TrailName:                  name,
			Logging:                    b.Bool("enable_logging", true),
			MultiRegion:                b.Bool("is_multi_region_trail", false),
			OrganizationTrail:          b.Bool("is_organization_trail", false),
			IncludeGlobalServiceEvents: b.Bool("include_global_service_events", true),
			LogFileValidation:          b.Bool("enable_log_file_validation", false),
			EncryptionKey:              kmsadapt.KeyRef(set, b, "kms_key_id"),
			S3BucketName:               b.String("s3_bucket_name", ""),
			S3BucketID:                 set.LinkID(b, "s3_bucket_name", []string{"aws_s3_bucket"}, "bucket"),
			CloudWatch: cloudtrail.CloudWatchDelivery{
				LogGroupARN: b.String("cloud_watch_logs_group_arn", ""),
				LogGroupID:  logGroupID(set, b),
				RoleARN:     b.String("cloud_watch_logs_role_arn", ""),
			},
			Selectors:    adaptSelectors(b),
			InsightTypes: insightTypes(b),
		}
		st.Trails = append(st.Trails, t)
	}
	return st
}

// logGroupID links cloud_watch_logs_group_arn to its log group: through a
// reference (usually "${aws_cloudwatch_log_group.x.arn}:*"), or through the
// name inside a literal ARN. A literal ARN that names no declared group is
// kept, as LinkID keeps every value pointing outside the configuration.
func logGroupID(set *tfres.Set, b *tfres.Block) model.String {
	id := set.LinkID(b, "cloud_watch_logs_group_arn", []string{"aws_cloudwatch_log_group"})
	arn := b.String("cloud_watch_logs_group_arn", "")
	if !arn.Explicit() || !id.Is(arn.Val()) {
		// Linked through a reference, unknown, or absent: LinkID only
		// returns the value itself when it links nowhere.
		return id
	}
	name, ok := logGroupNameFromARN(arn.Val())
	if !ok {
		return id
	}
	for _, g := range set.OfType("aws_cloudwatch_log_group") {
		switch n := g.Body.String("name", ""); {
		case n.Is(name):
			return model.Set(g.Address, id.Origin)
		case !n.Known() || !g.Body.Has("name"):
			// A group named at apply time (name_prefix) might be this one.
			return model.Unresolved[string](id.Origin)
		}
	}
	return id
}

// logGroupNameFromARN reads NAME from arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME[:*].
func logGroupNameFromARN(arn string) (string, bool) {
	parts := strings.SplitN(arn, ":", 7)
	if len(parts) < 7 || parts[0] != "arn" || parts[2] != "logs" || parts[5] != "log-group" {
		return "", false
	}
	return strings.TrimSuffix(parts[6], ":*"), true
}

func adaptSelectors(b *tfres.Block) cloudtrail.Selectors {
	var s cloudtrail.Selectors
	for _, es := range b.BlocksOrUnknown("event_selector") {
		sel := &cloudtrail.EventSelector{
			Origin:                  es.Origin,
			ReadWriteType:           es.String("read_write_type", "All"),
			IncludeManagementEvents: es.Bool("include_management_events", true),
		}
		for _, dr := range es.BlocksOrUnknown("data_resource") {
			sel.DataResources = append(sel.DataResources, &cloudtrail.DataResource{
				Origin: dr.Origin,
				Type:   dr.String("type", ""),
				Values: dr.StringList("values"),
			})
		}
		s.Basic = append(s.Basic, sel)
	}
	for _, as := range b.BlocksOrUnknown("advanced_event_selector") {
		sel := &cloudtrail.AdvancedEventSelector{Origin: as.Origin, Name: as.String("name", "")}
		for _, fs := range as.BlocksOrUnknown("field_selector") {
			sel.Fields = append(sel.Fields, &cloudtrail.FieldSelector{
				Origin:        fs.Origin,
				Field:         fs.String("field", ""),
				Equals:        fs.StringList("equals"),
				NotEquals:     fs.StringList("not_equals"),
				StartsWith:    fs.StringList("starts_with"),
				NotStartsWith: fs.StringList("not_starts_with"),
				EndsWith:      fs.StringList("ends_with"),
				NotEndsWith:   fs.StringList("not_ends_with"),
			})
		}
		s.Advanced = append(s.Advanced, sel)
	}
	return s
}

func insightTypes(b *tfres.Block) model.List[string] {
	l := model.List[string]{Meta: model.Meta{Origin: b.Origin, Certainty: model.Defaulted}}
	if !b.BlocksKnown("insight_selector") {
		l.Certainty = model.Unknown
	}
	for _, is := range b.Blocks("insight_selector") {
		l.Certainty = model.Explicit
		l.Items = append(l.Items, is.String("insight_type", ""))
	}
	return l
}
