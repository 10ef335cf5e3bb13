package elb

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/elb"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var (
	lbTypes       = []string{"aws_lb", "aws_alb"}
	subnetTypes   = []string{"aws_subnet", "aws_default_subnet"}
	groupTypes    = []string{"aws_security_group", "aws_default_security_group"}
	instanceTypes = []string{"aws_instance"}
)

// Adapt builds the ELB state from evaluated resources.
func Adapt(set *tfres.Set) elb.State {
	var st elb.State
	byAddr := map[string]*elb.LoadBalancer{}
	for _, typ := range lbTypes {
		for _, r := range set.OfType(typ) {
			lb := loadBalancer(set, r)
			byAddr[r.Address] = lb
			st.LoadBalancers = append(st.LoadBalancers, lb)
		}
	}
	for _, typ := range []string{"aws_lb_listener", "aws_alb_listener"} {
		for _, r := range set.OfType(typ) {
			st.Listeners = append(st.Listeners, listener(set, r, byAddr))
		}
	}
	for _, r := range set.OfType("aws_elb") {
		st.ClassicLoadBalancers = append(st.ClassicLoadBalancers, classic(set, r))
	}
	return st
}

func loadBalancer(set *tfres.Set, r *tfres.Resource) *elb.LoadBalancer {
	b := r.Body
	lb := &elb.LoadBalancer{
		Resource:                r.Identity(b.String("name", "").Val()),
		LBType:                  b.String("load_balancer_type", elb.TypeApplication),
		Internal:                b.Bool("internal", false),
		DropInvalidHeaderFields: b.Bool("drop_invalid_header_fields", false),
		DesyncMitigationMode:    b.String("desync_mitigation_mode", "defensive"),
		DeletionProtection:      b.Bool("enable_deletion_protection", false),
		SecurityGroupIDs:        set.LinkIDs(b, "security_groups", groupTypes),
		SubnetIDs:               set.LinkIDs(b, "subnets", subnetTypes),
	}
	for _, m := range b.Blocks("subnet_mapping") {
		lb.SubnetIDs.Items = append(lb.SubnetIDs.Items, set.LinkID(m, "subnet_id", subnetTypes))
	}
	if !b.BlocksKnown("subnet_mapping") {
		lb.SubnetIDs.Certainty = model.Unknown
	}
	logs := b.Block("access_logs")
	lb.AccessLogs = elb.AccessLogs{
		// An access_logs block turns logging on unless it says otherwise.
		Enabled: logs.Bool("enabled", logs.Present()),
		Bucket:  logs.String("bucket", ""),
		Prefix:  logs.String("prefix", ""),
	}
	return lb
}

func listener(set *tfres.Set, r *tfres.Resource, lbs map[string]*elb.LoadBalancer) *elb.Listener {
	b := r.Body
	l := &elb.Listener{
		Resource:       r.Identity(""),
		LoadBalancerID: set.LinkID(b, "load_balancer_arn", lbTypes),
		Port:           b.Int("port", 0),
		// Unset, the listener gets a policy chosen by AWS at creation, which
		// has changed over time: it cannot be told from the configuration.
		SSLPolicy:              b.String("ssl_policy", ""),
		DefaultActionsComplete: b.BlocksKnown("default_action"),
	}
	if !b.Has("ssl_policy") {
		l.SSLPolicy = model.Unresolved[string](b.Origin)
	}
	l.Protocol = model.Derive(b.String("protocol", ""), strings.ToUpper)
	if !b.Has("protocol") && !b.Unknown() {
		// ALB listeners default to HTTP; others have no default to assume.
		l.Protocol = model.Unresolved[string](b.Origin)
		if id, ok := l.LoadBalancerID.Get(); ok {
			if lb := lbs[id]; lb != nil && lb.LBType.Is(elb.TypeApplication) {
				l.Protocol = model.Default("HTTP", b.Origin)
			}
		}
	}
	for _, ab := range b.Blocks("default_action") {
		a := &elb.Action{Origin: ab.Origin, Type: ab.String("type", "")}
		rd := ab.Block("redirect")
		a.RedirectProtocol = model.Derive(rd.String("protocol", "#{protocol}"), strings.ToUpper)
		if !rd.Present() {
			a.RedirectProtocol = model.Default("", ab.Origin)
		}
		l.DefaultActions = append(l.DefaultActions, a)
	}
	return l
}

func classic(set *tfres.Set, r *tfres.Resource) *elb.ClassicLoadBalancer {
	b := r.Body
	c := &elb.ClassicLoadBalancer{
		Resource:           r.Identity(b.String("name", "").Val()),
		Internal:           b.Bool("internal", false),
		ListenersComplete:  b.BlocksKnown("listener"),
		CrossZone:          b.Bool("cross_zone_load_balancing", true),
		ConnectionDraining: b.Bool("connection_draining", false),
		SecurityGroupIDs:   set.LinkIDs(b, "security_groups", groupTypes),
		SubnetIDs:          set.LinkIDs(b, "subnets", subnetTypes),
		InstanceIDs:        set.LinkIDs(b, "instances", instanceTypes),
	}
	for _, lb := range b.Blocks("listener") {
		c.Listeners = append(c.Listeners, &elb.ClassicListener{
			Origin:           lb.Origin,
			Protocol:         model.Derive(lb.String("lb_protocol", ""), strings.ToUpper),
			Port:             lb.Int("lb_port", 0),
			InstanceProtocol: model.Derive(lb.String("instance_protocol", ""), strings.ToUpper),
			InstancePort:     lb.Int("instance_port", 0),
			SSLCertificateID: lb.String("ssl_certificate_id", ""),
		})
	}
	logs := b.Block("access_logs")
	c.AccessLogs = elb.AccessLogs{
		Enabled: logs.Bool("enabled", logs.Present()),
		Bucket:  logs.String("bucket", ""),
		Prefix:  logs.String("bucket_prefix", ""),
	}
	return c
}
