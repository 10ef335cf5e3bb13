package cloudtrail

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/cloudtrail"
)

var s3WriteEvents = &check.Check{
	ID:          "AWS-CLOUDTRAIL-006",
	Slug:        "aws-cloudtrail-no-s3-write-data-events",
	Title:       "Multi-region CloudTrail trail does not record S3 object-level write events",
	Provider:    "aws",
	Service:     "cloudtrail",
	Severity:    check.Low,
	Description: "No event selector of the multi-region trail records S3 data events for write operations (PutObject, DeleteObject, ...).",
	Rationale:   "Management events say who changed a bucket's settings, not who wrote or deleted its objects. Without object-level write events, tampering with or destroying data (ransomware deleting objects, say) cannot be attributed.",
	Remediation: check.Remediation{
		Text: "Add an event selector that records write data events for S3 objects (all buckets, or the buckets that matter).",
		Terraform: `resource "aws_cloudtrail" "example" {
  # ...
  is_multi_region_trail = true

  event_selector {
    read_write_type           = "All"
    include_management_events = true

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-cloudtrail-logging-for-s3.html",
		"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html",
	},
	Compliance: control.AuditLogging(check.Control{Framework: check.FrameworkCISAWS30, ID: "3.8"}),
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, t := range in.AWS.CloudTrail.Trails {
			evalS3DataEvents(t, r, "false", "write")
		}
	},
}

var s3ReadEvents = &check.Check{
	ID:          "AWS-CLOUDTRAIL-007",
	Slug:        "aws-cloudtrail-no-s3-read-data-events",
	Title:       "Multi-region CloudTrail trail does not record S3 object-level read events",
	Provider:    "aws",
	Service:     "cloudtrail",
	Severity:    check.Low,
	Description: "No event selector of the multi-region trail records S3 data events for read operations (GetObject, ...).",
	Rationale:   "Management events do not show who read which object. Without object-level read events, the scope of a data breach through leaked credentials or a too-open bucket cannot be established.",
	Remediation: check.Remediation{
		Text: "Add an event selector that records read data events for S3 objects (all buckets, or the buckets that matter).",
		Terraform: `resource "aws_cloudtrail" "example" {
  # ...
  is_multi_region_trail = true

  event_selector {
    read_write_type           = "All"
    include_management_events = true

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-cloudtrail-logging-for-s3.html",
		"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html",
	},
	Compliance: control.AuditLogging(check.Control{Framework: check.FrameworkCISAWS30, ID: "3.9"}),
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, t := range in.AWS.CloudTrail.Trails {
			evalS3DataEvents(t, r, "true", "read")
		}
	},
}

// evalS3DataEvents judges multi-region trails only, as CIS words the
// controls. A trail passes when some selector records S3 object events of the
// direction, for every bucket or for some: CIS's audit asks for object-level
// logging to be configured, not for a bucket list.
func evalS3DataEvents(t *cloudtrail.Trail, r *check.Reporter, readOnly, direction string) {
	if !t.MultiRegion.Is(true) {
		return
	}
	switch recordsS3Objects(t.Selectors, readOnly) {
	case yes:
		r.Pass(t.Resource)
	case no:
		r.Fail(t.Resource, selectorsOrigin(t), "Trail %s does not record S3 object-level %s events.", t.Name, direction)
	}
}

// selectorsOrigin is where the selectors are, or the trail when it has none.
func selectorsOrigin(t *cloudtrail.Trail) model.Origin {
	switch {
	case len(t.Selectors.Basic) > 0:
		return t.Selectors.Basic[0].Origin
	case len(t.Selectors.Advanced) > 0:
		return t.Selectors.Advanced[0].Origin
	}
	return t.Origin
}

// tri is a three-valued truth: unknown inputs give maybe, never no.
type tri int8

const (
	no tri = iota
	maybe
	yes
)

func triOf(v model.Bool) tri {
	b, ok := v.Get()
	switch {
	case !ok:
		return maybe
	case b:
		return yes
	}
	return no
}

// recordsS3Objects tells whether some selector records S3 object data events
// whose readOnly field is readOnly ("true" for reads, "false" for writes).
func recordsS3Objects(s cloudtrail.Selectors, readOnly string) tri {
	best := no
	for _, sel := range s.Basic {
		best = max(best, basicRecords(sel, readOnly))
	}
	for _, sel := range s.Advanced {
		best = max(best, advancedRecords(sel, readOnly))
	}
	return best
}

func basicRecords(sel *cloudtrail.EventSelector, readOnly string) tri {
	want := "WriteOnly"
	if readOnly == "true" {
		want = "ReadOnly"
	}
	direction := triOf(model.Derive(sel.ReadWriteType, func(t string) bool { return t == "All" || t == want }))
	objects := no
	for _, dr := range sel.DataResources {
		objects = max(objects, triOf(model.Derive(dr.Type, func(t string) bool { return t == "AWS::S3::Object" })))
	}
	return min(direction, objects)
}

// advancedRecords evaluates the selector on a representative S3 object event.
// Fields that narrow the selection to some buckets or operations (resources.ARN,
// eventName) still leave object-level logging configured.
func advancedRecords(sel *cloudtrail.AdvancedEventSelector, readOnly string) tri {
	event := map[string]string{
		"eventCategory":  "Data",
		"resources.type": "AWS::S3::Object",
		"readOnly":       readOnly,
	}
	out := yes
	for _, f := range sel.Fields {
		name, ok := f.Field.Get()
		if !ok {
			out = min(out, maybe)
			continue
		}
		if v, judged := event[name]; judged {
			out = min(out, fieldAllows(f, v))
		}
	}
	return out
}

// fieldAllows tells whether a field selector lets an event whose field has
// value v through: it must match an Equals, StartsWith and EndsWith value when
// those are given, and no Not* value.
func fieldAllows(f *cloudtrail.FieldSelector, v string) tri {
	eq := func(a, b string) bool { return a == b }
	out := yes
	for _, c := range []struct {
		l      model.List[string]
		match  func(v, x string) bool
		negate bool
	}{
		{f.Equals, eq, false},
		{f.StartsWith, strings.HasPrefix, false},
		{f.EndsWith, strings.HasSuffix, false},
		{f.NotEquals, eq, true},
		{f.NotStartsWith, strings.HasPrefix, true},
		{f.NotEndsWith, strings.HasSuffix, true},
	} {
		out = min(out, listAllows(c.l, func(x string) bool { return c.match(v, x) }, c.negate))
	}
	return out
}

func listAllows(l model.List[string], match func(string) bool, negate bool) tri {
	if !l.Known() {
		return maybe
	}
	if len(l.Items) == 0 {
		return yes
	}
	_, hit := l.Any(match)
	switch {
	case hit && negate:
		return no
	case hit:
		return yes
	case !l.Complete():
		return maybe
	case negate:
		return yes
	}
	return no
}
