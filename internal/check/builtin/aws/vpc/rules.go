package vpc

import (
	"fmt"
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/vpc"
)

// verdict is a judgement of one rule: a failure with where and why, a
// pass, or nothing when the rule could not be judged.
type verdict struct {
	fail  bool
	known bool
	at    model.Origin
	msg   string
}

func failAt(at model.Origin, format string, args ...any) verdict {
	return verdict{fail: true, known: true, at: at, msg: fmt.Sprintf(format, args...)}
}

var (
	passed  = verdict{known: true}
	unknown = verdict{}
)

// evalRules judges the rules of dir (0 for both) of every security group,
// and every detached rule on its own. A group passes when all its rules are
// known and none fails.
func evalRules(in *check.Input, r *check.Reporter, dir vpc.Direction, judge func(*vpc.Rule) verdict) {
	for _, g := range in.AWS.VPC.SecurityGroups {
		failed, allKnown := false, g.RulesComplete
		for _, rule := range g.Rules {
			if rule.Direction == 0 {
				allKnown = false
				continue
			}
			if dir != 0 && rule.Direction != dir {
				continue
			}
			v := judge(rule)
			switch {
			case v.fail:
				failed = true
				r.Fail(g.Resource, v.at, "Security group %s %s.", g.Name, v.msg)
			case !v.known:
				allKnown = false
			}
		}
		if !failed && allKnown {
			r.Pass(g.Resource)
		}
	}
	for _, rule := range in.AWS.VPC.DetachedRules {
		if rule.Direction == 0 || (dir != 0 && rule.Direction != dir) {
			continue
		}
		switch v := judge(rule); {
		case v.fail:
			r.Fail(rule.Resource, v.at, "Security group rule %s %s.", rule.Resource.Name, v.msg)
		case v.known:
			r.Pass(rule.Resource)
		}
	}
}

// worldPeers returns the rule's peers that are the whole internet in the
// families asked for, and whether the answer is complete.
func worldPeers(rule *vpc.Rule, ipv4, ipv6 bool) (world []model.String, complete bool) {
	complete = true
	for _, fam := range []struct {
		on bool
		l  model.List[string]
	}{{ipv4, rule.CIDRs}, {ipv6, rule.IPv6CIDRs}} {
		if !fam.on {
			continue
		}
		for _, c := range fam.l.Items {
			if c.Known() && vpc.IsWorld(c.Val()) {
				world = append(world, c)
			}
		}
		complete = complete && fam.l.Complete()
	}
	return world, complete
}

// servicePort is a port worth naming in findings.
type servicePort struct {
	protocol string
	port     int
	name     string
}

// judgePorts fails a rule that admits the internet (in the families asked
// for) to any of ports.
func judgePorts(rule *vpc.Rule, ipv4, ipv6 bool, ports []servicePort) verdict {
	world, complete := worldPeers(rule, ipv4, ipv6)
	var hit []string
	portsKnown := true
	for _, p := range ports {
		covers, known := rule.CoversPort(p.protocol, p.port)
		portsKnown = portsKnown && known
		// TCP and UDP on one port name one service: list it once.
		if name := fmt.Sprintf("%d (%s)", p.port, p.name); covers && !slices.Contains(hit, name) {
			hit = append(hit, name)
		}
	}
	switch {
	case len(world) > 0 && len(hit) > 0:
		noun := "port"
		if len(hit) > 1 {
			noun = "ports"
		}
		return failAt(world[0].Origin, "allows ingress from %s to %s %s", world[0].Val(), noun, strings.Join(hit, ", "))
	case len(world) == 0 && complete:
		return passed
	case len(world) == 0 || !portsKnown:
		return unknown
	}
	return passed
}
