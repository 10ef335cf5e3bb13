package vpc

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/vpc"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// routeTargets are the target attributes of a route, with the kind of
// target each names and the types that kind is declared as.
var routeTargets = []struct {
	attr, kind string
	types      []string
}{
	{"gateway_id", vpc.TargetInternetGateway, []string{"aws_internet_gateway", "aws_vpn_gateway"}},
	{"nat_gateway_id", vpc.TargetNATGateway, []string{"aws_nat_gateway"}},
	{"egress_only_gateway_id", vpc.TargetEgressOnlyGateway, []string{"aws_egress_only_internet_gateway"}},
	{"vpc_peering_connection_id", vpc.TargetPeering, []string{"aws_vpc_peering_connection"}},
	{"transit_gateway_id", vpc.TargetTransitGateway, []string{"aws_ec2_transit_gateway"}},
	{"network_interface_id", vpc.TargetNetworkInterface, []string{"aws_network_interface"}},
	{"vpc_endpoint_id", vpc.TargetVPCEndpoint, endpointTypes},
	{"local_gateway_id", vpc.TargetOther, nil},
	{"carrier_gateway_id", vpc.TargetOther, nil},
	{"core_network_arn", vpc.TargetOther, nil},
}

func adaptRouteTables(set *tfres.Set) (tables []*vpc.RouteTable, detached []*vpc.Route) {
	byAddr := map[string]*vpc.RouteTable{}
	for _, typ := range tableTypes {
		for _, r := range set.OfType(typ) {
			b := r.Body
			t := &vpc.RouteTable{
				Resource:       r.Identity(""),
				Default:        typ == "aws_default_route_table",
				SubnetIDs:      model.List[string]{Meta: model.Meta{Origin: b.Origin, Certainty: model.Defaulted}},
				RoutesComplete: true,
			}
			if t.Default {
				t.VPCID = vpcOf(set, b, "default_route_table_id")
			} else {
				t.VPCID = set.LinkID(b, "vpc_id", vpcTypes)
			}
			blocks, complete := nested(b, "route")
			t.RoutesComplete = complete
			for _, rb := range blocks {
				rt := route(set, rb, "cidr_block", "ipv6_cidr_block", "destination_prefix_list_id")
				rt.RouteTableID = model.Set(r.Address, b.Origin)
				t.Routes = append(t.Routes, rt)
			}
			byAddr[r.Address] = t
			tables = append(tables, t)
		}
	}
	for _, r := range set.OfType("aws_route") {
		rt := route(set, r.Body, "destination_cidr_block", "destination_ipv6_cidr_block", "destination_prefix_list_id")
		rt.Resource = r.Identity("")
		rt.RouteTableID = set.LinkID(r.Body, "route_table_id", tableTypes)
		id, ok := rt.RouteTableID.Get()
		switch t := byAddr[id]; {
		case ok && t != nil:
			t.Routes = append(t.Routes, rt)
		case !ok:
			for _, t := range tables {
				t.RoutesComplete = false
			}
			detached = append(detached, rt)
		default:
			detached = append(detached, rt)
		}
	}
	for _, r := range set.OfType("aws_route_table_association") {
		t, link := set.Resolve(r.Body, "route_table_id", tableTypes)
		if link != tfres.Linked || !r.Body.Has("subnet_id") {
			continue
		}
		tbl := byAddr[t.Address]
		tbl.SubnetIDs.Certainty = model.Explicit
		tbl.SubnetIDs.Items = append(tbl.SubnetIDs.Items, set.LinkID(r.Body, "subnet_id", subnetTypes))
	}
	return tables, detached
}

func route(set *tfres.Set, b *tfres.Block, cidr, ipv6, prefixList string) *vpc.Route {
	rt := &vpc.Route{
		Origin:                  b.Origin,
		DestinationCIDR:         b.String(cidr, ""),
		DestinationIPv6CIDR:     b.String(ipv6, ""),
		DestinationPrefixListID: b.String(prefixList, ""),
		TargetKind:              model.Unresolved[string](b.Origin),
		TargetID:                model.Unresolved[string](b.Origin),
	}
	for _, t := range routeTargets {
		if !b.Has(t.attr) {
			continue
		}
		rt.TargetID = set.LinkID(b, t.attr, t.types)
		rt.TargetKind = model.Set(t.kind, b.Attr(t.attr).Origin)
		if t.attr == "gateway_id" {
			rt.TargetKind = gatewayKind(set, rt.TargetID)
		}
		break
	}
	return rt
}

// gatewayKind tells what a route's gateway_id names: an internet gateway,
// a virtual private gateway, or the VPC itself ("local").
func gatewayKind(set *tfres.Set, id model.String) model.String {
	return model.Derive(id, func(s string) string {
		if r := set.Get(s); r != nil {
			if r.Type == "aws_internet_gateway" {
				return vpc.TargetInternetGateway
			}
			return vpc.TargetOther
		}
		switch {
		case s == "local":
			return vpc.TargetLocal
		case strings.HasPrefix(s, "igw-"):
			return vpc.TargetInternetGateway
		}
		return vpc.TargetOther
	})
}
