package vpc

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/vpc"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

func adaptNetworkACLs(set *tfres.Set) (acls []*vpc.NetworkACL, detached []*vpc.ACLRule) {
	byAddr := map[string]*vpc.NetworkACL{}
	for _, typ := range aclTypes {
		for _, r := range set.OfType(typ) {
			b := r.Body
			a := &vpc.NetworkACL{
				Resource:      r.Identity(""),
				Default:       typ == "aws_default_network_acl",
				SubnetIDs:     set.LinkIDs(b, "subnet_ids", subnetTypes),
				RulesComplete: true,
			}
			if a.Default {
				a.VPCID = vpcOf(set, b, "default_network_acl_id")
			} else {
				a.VPCID = set.LinkID(b, "vpc_id", vpcTypes)
			}
			self := model.Set(r.Address, b.Origin)
			for _, dir := range []struct {
				name string
				d    vpc.Direction
			}{{"ingress", vpc.Ingress}, {"egress", vpc.Egress}} {
				blocks, complete := nested(b, dir.name)
				a.RulesComplete = a.RulesComplete && complete
				for _, rb := range blocks {
					a.Rules = append(a.Rules, &vpc.ACLRule{
						Origin:     rb.Origin,
						ACLID:      self,
						Direction:  dir.d,
						RuleNumber: rb.Int("rule_no", 0),
						Action:     rb.String("action", ""),
						Protocol:   protocol(rb.String("protocol", "")),
						FromPort:   rb.Int("from_port", 0),
						ToPort:     rb.Int("to_port", 0),
						CIDR:       rb.String("cidr_block", ""),
						IPv6CIDR:   rb.String("ipv6_cidr_block", ""),
					})
				}
			}
			byAddr[r.Address] = a
			acls = append(acls, a)
		}
	}
	for _, r := range set.OfType("aws_network_acl_rule") {
		b := r.Body
		rule := &vpc.ACLRule{
			Resource:   r.Identity(""),
			Origin:     b.Origin,
			ACLID:      set.LinkID(b, "network_acl_id", aclTypes),
			Direction:  vpc.Ingress,
			RuleNumber: b.Int("rule_number", 0),
			Action:     b.String("rule_action", ""),
			Protocol:   protocol(b.String("protocol", "")),
			FromPort:   b.Int("from_port", 0),
			ToPort:     b.Int("to_port", 0),
			CIDR:       b.String("cidr_block", ""),
			IPv6CIDR:   b.String("ipv6_cidr_block", ""),
		}
		switch e := b.Bool("egress", false); {
		case e.Is(true):
			rule.Direction = vpc.Egress
		case !e.Known():
			rule.Direction = 0
		}
		id, ok := rule.ACLID.Get()
		switch a := byAddr[id]; {
		case ok && a != nil:
			a.Rules = append(a.Rules, rule)
		case !ok:
			for _, a := range acls {
				a.RulesComplete = false
			}
			detached = append(detached, rule)
		default:
			detached = append(detached, rule)
		}
	}
	for _, r := range set.OfType("aws_network_acl_association") {
		t, link := set.Resolve(r.Body, "network_acl_id", aclTypes)
		if link != tfres.Linked {
			continue
		}
		a := byAddr[t.Address]
		a.SubnetIDs.Items = append(a.SubnetIDs.Items, set.LinkID(r.Body, "subnet_id", subnetTypes))
	}
	return acls, detached
}
