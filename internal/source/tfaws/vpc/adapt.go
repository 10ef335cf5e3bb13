package vpc

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/vpc"
	iamadapt "github.com/vigil-sec/vigil/internal/source/tfaws/iam"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var (
	vpcTypes      = []string{"aws_vpc", "aws_default_vpc"}
	subnetTypes   = []string{"aws_subnet", "aws_default_subnet"}
	groupTypes    = []string{"aws_security_group", "aws_default_security_group"}
	aclTypes      = []string{"aws_network_acl", "aws_default_network_acl"}
	tableTypes    = []string{"aws_route_table", "aws_default_route_table"}
	endpointTypes = []string{"aws_vpc_endpoint"}
)

// Adapt builds the VPC state from evaluated resources.
func Adapt(set *tfres.Set) vpc.State {
	var st vpc.State
	st.VPCs = adaptVPCs(set)
	st.Subnets = adaptSubnets(set)
	st.SecurityGroups, st.DetachedRules = adaptSecurityGroups(set)
	st.NetworkACLs, st.DetachedACLRules = adaptNetworkACLs(set)
	st.RouteTables, st.DetachedRoutes = adaptRouteTables(set)
	st.InternetGateways = adaptInternetGateways(set)
	for _, r := range set.OfType("aws_nat_gateway") {
		st.NATGateways = append(st.NATGateways, &vpc.NATGateway{
			Resource:         r.Identity(""),
			SubnetID:         set.LinkID(r.Body, "subnet_id", subnetTypes),
			ConnectivityType: r.Body.String("connectivity_type", "public"),
		})
	}
	st.FlowLogs = adaptFlowLogs(set)
	st.Endpoints = adaptEndpoints(set)
	for _, r := range set.OfType("aws_vpc_peering_connection") {
		b := r.Body
		st.PeeringConnections = append(st.PeeringConnections, &vpc.PeeringConnection{
			Resource:    r.Identity(""),
			VPCID:       set.LinkID(b, "vpc_id", vpcTypes),
			PeerVPCID:   set.LinkID(b, "peer_vpc_id", vpcTypes),
			PeerOwnerID: b.String("peer_owner_id", ""),
			PeerRegion:  b.String("peer_region", ""),
		})
	}
	return st
}

func adaptVPCs(set *tfres.Set) []*vpc.VPC {
	// The default security group of a VPC is managed by the
	// aws_default_security_group naming it, or, without vpc_id, naming the
	// default VPC.
	managed := map[string]model.String{}
	unattributed := false
	for _, r := range set.OfType("aws_default_security_group") {
		if !r.Body.Has("vpc_id") && !r.Body.Unknown() {
			for _, d := range set.OfType("aws_default_vpc") {
				managed[d.Address] = model.Set(r.Address, r.Body.Origin)
			}
			continue
		}
		switch t, link := set.Resolve(r.Body, "vpc_id", vpcTypes); link {
		case tfres.Linked:
			managed[t.Address] = model.Set(r.Address, r.Body.Attr("vpc_id").Origin)
		case tfres.Unresolvable:
			unattributed = true
		}
	}
	var out []*vpc.VPC
	for _, typ := range vpcTypes {
		for _, r := range set.OfType(typ) {
			b := r.Body
			def := typ == "aws_default_vpc"
			v := &vpc.VPC{
				Resource:           r.Identity(""),
				Default:            def,
				CIDRBlock:          b.String("cidr_block", ""),
				IPv6CIDRBlock:      b.String("ipv6_cidr_block", ""),
				EnableDNSSupport:   b.Bool("enable_dns_support", true),
				EnableDNSHostnames: b.Bool("enable_dns_hostnames", def),
			}
			switch sg, ok := managed[r.Address]; {
			case ok:
				v.DefaultSecurityGroupID = sg
			case unattributed:
				v.DefaultSecurityGroupID = model.Unresolved[string](b.Origin)
			default:
				v.DefaultSecurityGroupID = model.Default("", b.Origin)
			}
			out = append(out, v)
		}
	}
	return out
}

func adaptSubnets(set *tfres.Set) []*vpc.Subnet {
	var out []*vpc.Subnet
	for _, typ := range subnetTypes {
		for _, r := range set.OfType(typ) {
			b := r.Body
			def := typ == "aws_default_subnet"
			s := &vpc.Subnet{
				Resource:         r.Identity(""),
				Default:          def,
				CIDRBlock:        b.String("cidr_block", ""),
				IPv6CIDRBlock:    b.String("ipv6_cidr_block", ""),
				AvailabilityZone: b.String("availability_zone", ""),
				// Default subnets keep AWS's setting, which maps public IPs.
				MapPublicIPOnLaunch:  b.Bool("map_public_ip_on_launch", def),
				AssignIPv6OnCreation: b.Bool("assign_ipv6_address_on_creation", false),
			}
			if def {
				s.VPCID = model.Unresolved[string](b.Origin)
				for _, d := range set.OfType("aws_default_vpc") {
					s.VPCID = model.Default(d.Address, b.Origin)
				}
			} else {
				s.VPCID = set.LinkID(b, "vpc_id", vpcTypes)
			}
			out = append(out, s)
		}
	}
	return out
}

func adaptInternetGateways(set *tfres.Set) []*vpc.InternetGateway {
	attached := map[string]model.String{}
	for _, r := range set.OfType("aws_internet_gateway_attachment") {
		if t, link := set.Resolve(r.Body, "internet_gateway_id", []string{"aws_internet_gateway"}); link == tfres.Linked {
			attached[t.Address] = set.LinkID(r.Body, "vpc_id", vpcTypes)
		}
	}
	var out []*vpc.InternetGateway
	for _, r := range set.OfType("aws_internet_gateway") {
		g := &vpc.InternetGateway{Resource: r.Identity(""), VPCID: set.LinkID(r.Body, "vpc_id", vpcTypes)}
		if id, ok := attached[r.Address]; ok && !r.Body.Has("vpc_id") {
			g.VPCID = id
		}
		out = append(out, g)
	}
	for _, r := range set.OfType("aws_egress_only_internet_gateway") {
		out = append(out, &vpc.InternetGateway{Resource: r.Identity(""), EgressOnly: true, VPCID: set.LinkID(r.Body, "vpc_id", vpcTypes)})
	}
	return out
}

// flowLogTargets are aws_flow_log's target attributes with the kind of
// resource each names and the types that kind is declared as.
var flowLogTargets = []struct {
	attr, kind string
	types      []string
}{
	{"vpc_id", "VPC", vpcTypes},
	{"subnet_id", "Subnet", subnetTypes},
	{"eni_id", "NetworkInterface", []string{"aws_network_interface"}},
	{"transit_gateway_id", "TransitGateway", []string{"aws_ec2_transit_gateway"}},
	{"transit_gateway_attachment_id", "TransitGatewayAttachment", []string{"aws_ec2_transit_gateway_vpc_attachment"}},
}

func adaptFlowLogs(set *tfres.Set) []*vpc.FlowLog {
	var out []*vpc.FlowLog
	for _, r := range set.OfType("aws_flow_log") {
		b := r.Body
		f := &vpc.FlowLog{
			Resource:        r.Identity(""),
			TargetType:      model.Unresolved[string](b.Origin),
			TargetID:        model.Unresolved[string](b.Origin),
			TrafficType:     b.String("traffic_type", ""),
			DestinationType: b.String("log_destination_type", "cloud-watch-logs"),
			Destination:     b.String("log_destination", ""),
		}
		if !b.Has("log_destination") && b.Has("log_group_name") {
			f.Destination = b.String("log_group_name", "")
		}
		for _, t := range flowLogTargets {
			if b.Has(t.attr) {
				f.TargetType = model.Set(t.kind, b.Attr(t.attr).Origin)
				f.TargetID = set.LinkID(b, t.attr, t.types)
				break
			}
		}
		out = append(out, f)
	}
	return out
}

// fullAccessPolicy is the policy AWS gives an endpoint that sets none.
const fullAccessPolicy = `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`

func adaptEndpoints(set *tfres.Set) []*vpc.Endpoint {
	policies := set.Attach("aws_vpc_endpoint_policy", "vpc_endpoint_id", endpointTypes)
	var out []*vpc.Endpoint
	for _, r := range set.OfType("aws_vpc_endpoint") {
		b := r.Body
		e := &vpc.Endpoint{
			Resource:          r.Identity(""),
			VPCID:             set.LinkID(b, "vpc_id", vpcTypes),
			ServiceName:       b.String("service_name", ""),
			EndpointType:      b.String("vpc_endpoint_type", "Gateway"),
			SubnetIDs:         set.LinkIDs(b, "subnet_ids", subnetTypes),
			SecurityGroupIDs:  set.LinkIDs(b, "security_group_ids", groupTypes),
			RouteTableIDs:     set.LinkIDs(b, "route_table_ids", tableTypes),
			PrivateDNSEnabled: b.Bool("private_dns_enabled", false),
		}
		c, certain := policies.For(r)
		switch {
		case c != nil:
			e.Policy = endpointPolicy(set, c.Body)
		case !certain && !b.Has("policy"):
			e.Policy = iam.ParseDocument(model.Unresolved[string](b.Origin))
		default:
			e.Policy = endpointPolicy(set, b)
		}
		out = append(out, e)
	}
	return out
}

// endpointPolicy reads an endpoint's policy the one way policies are read; an
// endpoint without one gets AWS's default, which allows full access.
func endpointPolicy(set *tfres.Set, b *tfres.Block) iam.Document {
	if !b.Has("policy") && !b.Unknown() {
		return iam.ParseDocument(model.Default(fullAccessPolicy, b.Origin))
	}
	return iamadapt.Document(set, b, "policy")
}
