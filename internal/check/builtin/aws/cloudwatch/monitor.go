package cloudwatch

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/cloudtrail"
	"github.com/vigil-sec/vigil/internal/model/aws/cloudwatch"
)

// monitor is one CIS "ensure a log metric filter and alarm exist for ..."
// control.
type monitor struct {
	id, slug string
	cis      string
	severity check.Severity
	// what completes "a metric filter and alarm for ...".
	what      string
	rationale string
	// pattern is the filter pattern CIS gives, used in the remediation.
	pattern string
	// metric is the metric name used in the remediation snippet.
	metric string
	// matches are events the filter must all match; ignores are routine
	// events it must not match (a catch-all filter alarms on everything and
	// so on nothing in particular).
	matches []map[string]any
	ignores []map[string]any
}

func (m *monitor) check() *check.Check {
	return &check.Check{
		ID:          m.id,
		Slug:        m.slug,
		Title:       "No log metric filter and alarm for " + m.what,
		Provider:    "aws",
		Service:     "cloudwatch",
		Severity:    m.severity,
		Description: fmt.Sprintf("The CloudWatch Logs log group that a multi-region CloudTrail trail delivers to has no metric filter matching %s with an alarm that notifies someone.", m.what),
		Rationale:   m.rationale,
		Remediation: check.Remediation{
			Text:      fmt.Sprintf("Create a metric filter on the trail's log group with the CIS pattern for %s, and an alarm on its metric whose action notifies an SNS topic with subscribers.", m.what),
			Terraform: m.snippet(),
		},
		References: []string{
			"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html",
			"https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
		},
		Compliance: []check.Control{
			{Framework: check.FrameworkCISAWS30, ID: m.cis},
			{Framework: check.FrameworkNIST80053, ID: "AU-6"},
			{Framework: check.FrameworkNIST80053, ID: "SI-4"},
			{Framework: check.FrameworkPCIDSS40, ID: "10.4.1"},
			{Framework: check.FrameworkSOC2, ID: "CC7.2"},
			{Framework: check.FrameworkHIPAA, ID: "164.308(a)(1)(ii)(D)"},
			{Framework: check.FrameworkISO27001, ID: "A.8.16"},
		},
		Evaluate: func(in *check.Input, r *check.Reporter) { m.evaluate(in, r) },
	}
}

func (m *monitor) snippet() string {
	return fmt.Sprintf(`resource "aws_cloudwatch_log_metric_filter" "%[1]s" {
  name           = "%[1]s"
  log_group_name = aws_cloudwatch_log_group.cloudtrail.name
  pattern        = %[2]s

  metric_transformation {
    name      = "%[3]s"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "%[1]s" {
  alarm_name          = "%[1]s"
  metric_name         = "%[3]s"
  namespace           = "CISBenchmark"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = [aws_sns_topic.security_alerts.arn]
}`, m.slugTail(), strconv.Quote(m.pattern), m.metric)
}

// slugTail is the slug without its "aws-cloudwatch-no-alarm-" prefix, in
// snake case: a Terraform local name.
func (m *monitor) slugTail() string {
	const prefix = "aws-cloudwatch-no-alarm-"
	out := []byte(m.slug[len(prefix):])
	for i, c := range out {
		if c == '-' {
			out[i] = '_'
		}
	}
	return string(out)
}

// evaluate judges every multi-region trail that delivers to a log group of
// the estate: the trail fails when no filter on that group covers the
// control's events with an alarm that has an action. Trails whose log group
// is outside the configuration, or cannot be told, are not judged: filters
// and alarms may be defined with the group.
func (m *monitor) evaluate(in *check.Input, r *check.Reporter) {
	cw := &in.AWS.CloudWatch
	groups := map[string]*cloudwatch.LogGroup{}
	for _, g := range cw.LogGroups {
		groups[g.ID] = g
	}
	for _, t := range in.AWS.CloudTrail.Trails {
		g := deliveryGroup(t, groups)
		if g == nil {
			continue
		}
		switch m.monitored(cw, groups, g) {
		case yes:
			r.Pass(t.Resource)
		case no:
			r.Fail(t.Resource, t.Origin, "Log group %s of trail %s has no metric filter and alarm for %s.", g.Name, t.Name, m.what)
		}
	}
}

func deliveryGroup(t *cloudtrail.Trail, groups map[string]*cloudwatch.LogGroup) *cloudwatch.LogGroup {
	if !t.MultiRegion.Is(true) {
		return nil
	}
	id, ok := t.CloudWatch.LogGroupID.Get()
	if !ok || id == "" {
		return nil
	}
	return groups[id]
}

// monitored tells whether some filter on g covers the control's events and
// feeds an alarm with an action; groups are the estate's log groups by ID.
func (m *monitor) monitored(cw *cloudwatch.State, groups map[string]*cloudwatch.LogGroup, g *cloudwatch.LogGroup) tri {
	best := no
	for _, f := range cw.MetricFilters {
		ok := onGroup(f, g, groups)
		if ok == no {
			continue
		}
		ok = min(ok, m.covers(f.Pattern))
		if ok == no {
			continue
		}
		best = max(best, min(ok, alarmed(f, cw.Alarms)))
	}
	return best
}

// onGroup tells whether filter f reads log group g, one of groups (the
// estate's log groups by ID).
func onGroup(f *cloudwatch.MetricFilter, g *cloudwatch.LogGroup, groups map[string]*cloudwatch.LogGroup) tri {
	id, ok := f.LogGroupID.Get()
	switch {
	case !ok:
		return maybe
	case id == g.ID:
		return yes
	case groups[id] != nil:
		// Another group of the estate.
		return no
	case !g.GroupName.Known():
		// The filter names a group not declared as such; it may be g,
		// whose name is only known at apply time.
		return maybe
	}
	return no
}

// covers tells whether the pattern matches every event of the control and no
// routine one. A pattern that is not a JSON pattern, or uses syntax the
// parser does not model, cannot be judged.
func (m *monitor) covers(pattern model.String) tri {
	text, ok := pattern.Get()
	switch {
	case !ok:
		return maybe
	case strings.TrimSpace(text) == "":
		// An empty pattern matches every event, routine ones included.
		return no
	}
	p, err := cloudwatch.ParseFilterPattern(text)
	if err != nil {
		return maybe
	}
	for _, e := range m.matches {
		if !p.Match(e) {
			return no
		}
	}
	for _, e := range m.ignores {
		if p.Match(e) {
			return no
		}
	}
	return yes
}

// alarmed tells whether some alarm watches a metric f publishes and has an
// action to run.
func alarmed(f *cloudwatch.MetricFilter, alarms []*cloudwatch.Alarm) tri {
	best := no
	for _, tr := range f.Transformations {
		for _, a := range alarms {
			for _, mt := range a.Metrics {
				same := min(equal(mt.Name, tr.Name), equal(mt.Namespace, tr.Namespace))
				if same == no {
					continue
				}
				best = max(best, min(same, hasAction(a)))
			}
		}
	}
	return best
}

func hasAction(a *cloudwatch.Alarm) tri {
	enabled := triOf(a.ActionsEnabled)
	switch {
	case enabled == no:
		return no
	case !a.AlarmActions.Known():
		return maybe
	case len(a.AlarmActions.Items) == 0:
		return no
	}
	// An action whose ARN is known only at apply time is still an action.
	return enabled
}

func equal(a, b model.String) tri {
	x, okA := a.Get()
	y, okB := b.Get()
	switch {
	case !okA || !okB:
		return maybe
	case x == y:
		return yes
	}
	return no
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
