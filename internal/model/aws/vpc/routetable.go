package vpc

import "github.com/vigil-sec/vigil/internal/model"

// RouteTable is a route table with its routes and subnet associations.
type RouteTable struct {
	model.Resource
	// Default marks a VPC's main route table when managed as such.
	Default bool
	VPCID   model.String
	Routes  []*Route
	// RoutesComplete reports whether Routes is every route of the table.
	RoutesComplete bool
	// SubnetIDs are the associated subnets' model IDs (or AWS IDs).
	SubnetIDs model.List[string]
}

// Target kinds of a route.
const (
	TargetInternetGateway   = "internet-gateway"
	TargetEgressOnlyGateway = "egress-only-internet-gateway"
	TargetNATGateway        = "nat-gateway"
	TargetPeering           = "vpc-peering-connection"
	TargetTransitGateway    = "transit-gateway"
	TargetNetworkInterface  = "network-interface"
	TargetVPCEndpoint       = "vpc-endpoint"
	TargetLocal             = "local"
	TargetOther             = "other"
)

// Route is one route of a route table.
type Route struct {
	// Resource identifies a standalone route resource; zero for an inline route.
	Resource model.Resource
	Origin   model.Origin
	// RouteTableID is the owning table's model ID or AWS ID.
	RouteTableID            model.String
	DestinationCIDR         model.String
	DestinationIPv6CIDR     model.String
	DestinationPrefixListID model.String
	// TargetKind is one of the Target constants.
	TargetKind model.String
	// TargetID is the target's model ID when declared in the source,
	// otherwise its AWS ID.
	TargetID model.String
}
