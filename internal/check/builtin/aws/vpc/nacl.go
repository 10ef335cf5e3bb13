package vpc

import (
	"fmt"
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model/aws/vpc"
)

var naclReferences = []string{"https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html"}

// evalACLRules judges the ingress allow entries of every network ACL and
// every detached entry. An ACL passes when all its entries are known and
// none fails.
func evalACLRules(in *check.Input, r *check.Reporter, judge func(rule *vpc.ACLRule, siblings []*vpc.ACLRule) verdict) {
	for _, a := range in.AWS.VPC.NetworkACLs {
		failed, allKnown := false, a.RulesComplete
		for _, rule := range a.Rules {
			v := judgeEntry(rule, a.Rules, judge)
			switch {
			case v.fail:
				failed = true
				r.Fail(a.Resource, v.at, "Network ACL %s %s.", a.Name, v.msg)
			case !v.known:
				allKnown = false
			}
		}
		if !failed && allKnown {
			r.Pass(a.Resource)
		}
	}
	for _, rule := range in.AWS.VPC.DetachedACLRules {
		switch v := judgeEntry(rule, nil, judge); {
		case v.fail:
			r.Fail(rule.Resource, v.at, "Network ACL rule %s %s.", rule.Resource.Name, v.msg)
		case v.known:
			r.Pass(rule.Resource)
		}
	}
}

// judgeEntry applies judge to ingress allow entries; egress and deny
// entries cannot open anything to inbound traffic.
func judgeEntry(rule *vpc.ACLRule, siblings []*vpc.ACLRule, judge func(*vpc.ACLRule, []*vpc.ACLRule) verdict) verdict {
	switch {
	case rule.Direction == 0 || !rule.Action.Known():
		return unknown
	case rule.Direction != vpc.Ingress || !rule.Action.Is("allow"):
		return passed
	}
	return judge(rule, siblings)
}

// shadowed reports whether a lower-numbered deny entry of the ACL already
// drops internet traffic of protocol to port in the same address family,
// so the allow entry never applies to it.
func shadowed(rule *vpc.ACLRule, siblings []*vpc.ACLRule, ipv6 bool, protocol string, port int) bool {
	n, ok := rule.RuleNumber.Get()
	if !ok {
		return false
	}
	for _, s := range siblings {
		sn, ok := s.RuleNumber.Get()
		if !ok || sn >= n || s.Direction != vpc.Ingress || !s.Action.Is("deny") {
			continue
		}
		cidr := s.CIDR
		if ipv6 {
			cidr = s.IPv6CIDR
		}
		if v, ok := cidr.Get(); !ok || !vpc.IsWorld(v) {
			continue
		}
		if covers, _ := s.CoversPort(protocol, port); covers {
			return true
		}
	}
	return false
}

var naclAdminPorts = &check.Check{
	ID:          "AWS-VPC-008",
	Slug:        "aws-vpc-nacl-admin-ports-open",
	Title:       "Network ACL allows ingress from the internet to remote administration ports",
	Provider:    "aws",
	Service:     "vpc",
	Severity:    check.Medium,
	Description: "A network ACL entry allows inbound traffic from 0.0.0.0/0 or ::/0 to SSH (22) or RDP (3389), and no lower-numbered entry denies it.",
	Rationale:   "Network ACLs are the subnet-level layer of defence: when they admit SSH and RDP from anywhere, a single permissive security group is all that stands between the internet and the administration services of every instance in the subnet.",
	Remediation: check.Remediation{
		Text: "Allow administration ports only from known networks, or add a lower-numbered deny entry for them.",
		Terraform: `resource "aws_network_acl_rule" "ssh" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "203.0.113.0/24"
  from_port      = 22
  to_port        = 22
}`,
	},
	References: naclReferences,
	Compliance: control.NetworkExposure(check.Control{Framework: check.FrameworkCISAWS30, ID: "5.1"}),
	Equivalents: check.Equivalents{
		AVD:   []string{"AVD-AWS-0105"},
		Tfsec: []string{"aws-ec2-no-public-ingress-acl"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalACLRules(in, r, func(rule *vpc.ACLRule, siblings []*vpc.ACLRule) verdict {
			world, isWorld := rule.World()
			if !isWorld {
				if rule.CIDR.Known() && rule.IPv6CIDR.Known() {
					return passed
				}
				return unknown
			}
			ipv6 := !rule.CIDR.Known() || !vpc.IsWorld(rule.CIDR.Val())
			var hit []string
			for _, p := range adminPorts {
				covers, known := rule.CoversPort(p.protocol, p.port)
				if !known {
					return unknown
				}
				if covers && !shadowed(rule, siblings, ipv6, p.protocol, p.port) {
					hit = append(hit, fmt.Sprintf("%d (%s)", p.port, p.name))
				}
			}
			if len(hit) == 0 {
				return passed
			}
			return failAt(world.Origin, "allows ingress from %s to port %s", world.Val(), strings.Join(hit, ", "))
		})
	},
}

var naclAllTraffic = &check.Check{
	ID:          "AWS-VPC-009",
	Slug:        "aws-vpc-nacl-all-traffic-open",
	Title:       "Network ACL allows all inbound traffic from the internet",
	Provider:    "aws",
	Service:     "vpc",
	Severity:    check.Medium,
	Description: "A network ACL entry allows every protocol and port inbound from 0.0.0.0/0 or ::/0.",
	Rationale:   "An allow-all entry turns the network ACL into a no-op: the subnet relies on security groups alone, and any mistake in one of them exposes the instance to the internet. Subnet-level rules should admit only the ports the subnet serves.",
	Remediation: check.Remediation{
		Text: "Replace the allow-all entry with entries for the ports the subnet serves (and the ephemeral ports for return traffic).",
		Terraform: `resource "aws_network_acl_rule" "https" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 443
  to_port        = 443
}`,
	},
	References: naclReferences,
	Compliance: control.NetworkExposure(),
	Equivalents: check.Equivalents{
		AVD:   []string{"AVD-AWS-0102", "AVD-AWS-0105"},
		Tfsec: []string{"aws-ec2-no-excessive-port-access", "aws-ec2-no-public-ingress-acl"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalACLRules(in, r, func(rule *vpc.ACLRule, _ []*vpc.ACLRule) verdict {
			world, isWorld := rule.World()
			all := rule.Protocol.Is(vpc.ProtocolAll)
			switch {
			case isWorld && all:
				return failAt(rule.Protocol.Origin, "allows all traffic from %s", world.Val())
			case !rule.Protocol.Known(), !isWorld && !(rule.CIDR.Known() && rule.IPv6CIDR.Known()):
				return unknown
			}
			return passed
		})
	},
}
