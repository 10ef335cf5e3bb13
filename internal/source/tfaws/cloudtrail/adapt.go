package cloudtrail

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/cloudtrail"
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
			KMSKeyID:                   b.String("kms_key_id", ""),
			S3BucketName:               b.String("s3_bucket_name", ""),
			S3BucketID:                 linkID(set, b, "s3_bucket_name", []string{"aws_s3_bucket"}, "bucket"),
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

// linkID returns the model ID of the resource the attribute points at: ""
// when it points outside the configuration, unknown when it cannot be told.
func linkID(set *tfres.Set, b *tfres.Block, attr string, types []string, match ...string) model.String {
	o := b.Origin
	if a := b.Attr(attr); a != nil {
		o = a.Origin
	}
	t, link := set.Resolve(b, attr, types, match...)
	switch link {
	case tfres.Linked:
		return model.Set(t.Address, o)
	case tfres.Unresolvable:
		return model.Unresolved[string](o)
	}
	if b.Has(attr) {
		return model.Set("", o)
	}
	return model.Default("", o)
}

// logGroupID links cloud_watch_logs_group_arn to its log group: through a
// reference (usually "${aws_cloudwatch_log_group.x.arn}:*"), or through the
// name inside a literal ARN.
func logGroupID(set *tfres.Set, b *tfres.Block) model.String {
	id := linkID(set, b, "cloud_watch_logs_group_arn", []string{"aws_cloudwatch_log_group"})
	arn := b.String("cloud_watch_logs_group_arn", "")
	if !id.Is("") || !arn.Explicit() {
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
	for _, es := range blocks(b, "event_selector") {
		sel := &cloudtrail.EventSelector{
			Origin:                  es.Origin,
			ReadWriteType:           es.String("read_write_type", "All"),
			IncludeManagementEvents: es.Bool("include_management_events", true),
		}
		for _, dr := range blocks(es, "data_resource") {
			sel.DataResources = append(sel.DataResources, &cloudtrail.DataResource{
				Origin: dr.Origin,
				Type:   dr.String("type", ""),
				Values: dr.StringList("values"),
			})
		}
		s.Basic = append(s.Basic, sel)
	}
	for _, as := range blocks(b, "advanced_event_selector") {
		sel := &cloudtrail.AdvancedEventSelector{Origin: as.Origin, Name: as.String("name", "")}
		for _, fs := range blocks(as, "field_selector") {
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

// blocks returns the nested blocks of a type, plus one unknown placeholder
// when a dynamic block over an unknown collection may generate more: its
// values are unknown, so no question about it has a known answer.
func blocks(b *tfres.Block, typ string) []*tfres.Block {
	bs := b.Blocks(typ)
	if !b.BlocksKnown(typ) {
		// Block returns an unknown placeholder only when no block of the type
		// is known, so ask an empty block that shares the unknown type.
		unknown := &tfres.Block{Origin: b.Origin, UnknownTypes: map[string]bool{typ: true}}
		bs = append(bs, unknown.Block(typ))
	}
	return bs
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
