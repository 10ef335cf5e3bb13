package vpc

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/vpc"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

func adaptSecurityGroups(set *tfres.Set) (groups []*vpc.SecurityGroup, detached []*vpc.Rule) {
	byAddr := map[string]*vpc.SecurityGroup{}
	for _, typ := range groupTypes {
		for _, r := range set.OfType(typ) {
			b := r.Body
			g := &vpc.SecurityGroup{
				Resource:      r.Identity(b.String("name", "").Val()),
				Default:       typ == "aws_default_security_group",
				GroupName:     b.String("name", ""),
				Description:   b.String("description", "Managed by Terraform"),
				VPCID:         set.LinkID(b, "vpc_id", vpcTypes),
				RulesComplete: true,
			}
			if g.Default {
				g.GroupName = model.Default("default", b.Origin)
				g.Description = model.Default("default VPC security group", b.Origin)
			}
			self := model.Set(r.Address, b.Origin)
			for _, dir := range []struct {
				name string
				d    vpc.Direction
			}{{"ingress", vpc.Ingress}, {"egress", vpc.Egress}} {
				blocks, complete := nested(b, dir.name)
				g.RulesComplete = g.RulesComplete && complete
				for _, rb := range blocks {
					rule := inlineRule(set, rb, dir.d)
					rule.GroupID = self
					g.Rules = append(g.Rules, rule)
				}
			}
			byAddr[r.Address] = g
			groups = append(groups, g)
		}
	}

	var standalone []*vpc.Rule
	for _, r := range set.OfType("aws_security_group_rule") {
		standalone = append(standalone, legacyRule(set, r))
	}
	for _, typ := range []string{"aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"} {
		for _, r := range set.OfType(typ) {
			standalone = append(standalone, vpcRule(set, r))
		}
	}
	for _, rule := range standalone {
		id, ok := rule.GroupID.Get()
		switch g := byAddr[id]; {
		case ok && g != nil:
			g.Rules = append(g.Rules, rule)
		case !ok:
			// It might belong to any group.
			for _, g := range groups {
				g.RulesComplete = false
			}
			detached = append(detached, rule)
		default:
			detached = append(detached, rule)
		}
	}
	return groups, detached
}

// inlineRule reads an ingress or egress block of a security group.
func inlineRule(set *tfres.Set, b *tfres.Block, d vpc.Direction) *vpc.Rule {
	return &vpc.Rule{
		Origin:           b.Origin,
		Direction:        d,
		Description:      b.String("description", ""),
		Protocol:         protocol(b.String("protocol", "")),
		FromPort:         b.Int("from_port", 0),
		ToPort:           b.Int("to_port", 0),
		CIDRs:            b.StringList("cidr_blocks"),
		IPv6CIDRs:        b.StringList("ipv6_cidr_blocks"),
		PrefixListIDs:    b.StringList("prefix_list_ids"),
		SecurityGroupIDs: set.LinkIDs(b, "security_groups", groupTypes),
		Self:             b.Bool("self", false),
	}
}

// legacyRule reads an aws_security_group_rule.
func legacyRule(set *tfres.Set, r *tfres.Resource) *vpc.Rule {
	b := r.Body
	rule := inlineRule(set, b, vpc.Ingress)
	rule.Resource = r.Identity("")
	rule.GroupID = set.LinkID(b, "security_group_id", groupTypes)
	switch t := b.String("type", ""); {
	case t.Is("egress"):
		rule.Direction = vpc.Egress
	case !t.Is("ingress"):
		rule.Direction = 0
	}
	rule.SecurityGroupIDs = set.LinkIDs(b, "source_security_group_id", groupTypes)
	return rule
}

// vpcRule reads an aws_vpc_security_group_ingress_rule or _egress_rule: one
// peer per rule, ports absent for protocol all.
func vpcRule(set *tfres.Set, r *tfres.Resource) *vpc.Rule {
	b := r.Body
	d := vpc.Ingress
	if strings.HasSuffix(r.Type, "_egress_rule") {
		d = vpc.Egress
	}
	rule := &vpc.Rule{
		Resource:         r.Identity(""),
		Origin:           b.Origin,
		GroupID:          set.LinkID(b, "security_group_id", groupTypes),
		Direction:        d,
		Description:      b.String("description", ""),
		Protocol:         protocol(b.String("ip_protocol", "")),
		FromPort:         b.Int("from_port", -1),
		ToPort:           b.Int("to_port", -1),
		CIDRs:            b.StringList("cidr_ipv4"),
		IPv6CIDRs:        b.StringList("cidr_ipv6"),
		PrefixListIDs:    b.StringList("prefix_list_id"),
		SecurityGroupIDs: set.LinkIDs(b, "referenced_security_group_id", groupTypes),
		Self:             model.Default(false, b.Origin),
	}
	return rule
}

func protocol(p model.String) model.String {
	return model.Derive(p, func(s string) string { return vpc.NormalizeProtocol(strings.ToLower(s)) })
}
