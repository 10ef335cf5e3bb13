package config

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/config"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var recorderTypes = []string{"aws_config_configuration_recorder"}

// Adapt builds the Config state from evaluated resources.
func Adapt(set *tfres.Set) config.State {
	var st config.State
	statuses := attachStatuses(set)
	for _, r := range set.OfType("aws_config_configuration_recorder") {
		b := r.Body
		name := b.String("name", "default")
		g := b.Block("recording_group")
		rec := &config.Recorder{
			Resource:                   r.Identity(name.Val()),
			RecorderName:               name,
			RoleARN:                    b.String("role_arn", ""),
			AllSupported:               g.Bool("all_supported", true),
			IncludeGlobalResourceTypes: g.Bool("include_global_resource_types", false),
			ResourceTypes:              g.StringList("resource_types"),
			Recording:                  recording(r, statuses),
		}
		st.Recorders = append(st.Recorders, rec)
	}
	for _, r := range set.OfType("aws_config_configuration_aggregator") {
		b := r.Body
		name := b.String("name", "")
		a := &config.Aggregator{Resource: r.Identity(name.Val()), AggregatorName: name}
		src := b.Block("account_aggregation_source")
		a.Organization = model.Default(false, b.Origin)
		if org := b.Block("organization_aggregation_source"); org.Present() {
			src = org
			a.Organization = model.Set(true, org.Origin)
			if org.Unknown() {
				a.Organization = model.Unresolved[bool](org.Origin)
			}
		}
		a.AllRegions = src.Bool("all_regions", false)
		a.Regions = src.StringList("regions")
		st.Aggregators = append(st.Aggregators, a)
	}
	return st
}

// attachStatuses links each aws_config_configuration_recorder_status to its
// recorder by name. A recorder left without a name is called "default", so a
// literal name is also matched against defaulted names, which Set.Resolve
// does not do.
func attachStatuses(set *tfres.Set) tfres.Companions {
	c := tfres.Companions{ByTarget: map[string][]*tfres.Resource{}}
	for _, s := range set.OfType("aws_config_configuration_recorder_status") {
		t, link := set.Resolve(s.Body, "name", recorderTypes, "name")
		if link == tfres.Unlinked {
			t, link = recorderNamed(set, s.Body.String("name", ""))
		}
		switch link {
		case tfres.Linked:
			c.ByTarget[t.Address] = append(c.ByTarget[t.Address], s)
		case tfres.Unresolvable:
			c.Unresolved = append(c.Unresolved, s)
		}
	}
	return c
}

func recorderNamed(set *tfres.Set, name model.String) (*tfres.Resource, tfres.Link) {
	want, ok := name.Get()
	if !ok {
		return nil, tfres.Unresolvable
	}
	link := tfres.Unlinked
	for _, r := range set.OfType("aws_config_configuration_recorder") {
		switch n := r.Body.String("name", "default"); {
		case n.Is(want):
			return r, tfres.Linked
		case !n.Known():
			link = tfres.Unresolvable
		}
	}
	return nil, link
}

// recording reads the recorder's status companion. Without one the recorder
// may be started outside this configuration, so recording is unknown.
func recording(r *tfres.Resource, statuses tfres.Companions) model.Bool {
	if s, _ := statuses.For(r); s != nil {
		return s.Body.Bool("is_enabled", false)
	}
	return model.Unresolved[bool](r.Body.Origin)
}
