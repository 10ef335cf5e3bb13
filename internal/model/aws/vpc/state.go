package vpc

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// State holds the VPC resources of an estate.
type State struct {
	VPCs           []*VPC
	Subnets        []*Subnet
	SecurityGroups []*SecurityGroup
	// DetachedRules are standalone security group rules whose group is not
	// declared in the source or could not be resolved.
	DetachedRules    []*Rule
	NetworkACLs      []*NetworkACL
	DetachedACLRules []*ACLRule
	RouteTables      []*RouteTable
	// DetachedRoutes are standalone routes whose table is not declared in
	// the source or could not be resolved.
	DetachedRoutes     []*Route
	InternetGateways   []*InternetGateway
	NATGateways        []*NATGateway
	FlowLogs           []*FlowLog
	Endpoints          []*Endpoint
	PeeringConnections []*PeeringConnection
}

// VPC is a virtual private cloud.
type VPC struct {
	model.Resource
	// Default marks the region's default VPC.
	Default            bool
	CIDRBlock          model.String
	IPv6CIDRBlock      model.String
	EnableDNSSupport   model.Bool
	EnableDNSHostnames model.Bool
	// DefaultSecurityGroupID is the model ID of the declared resource that
	// manages the VPC's default security group; empty when none does, so the
	// group keeps the rules AWS creates it with.
	DefaultSecurityGroupID model.String
}

// Subnet is a VPC subnet.
type Subnet struct {
	model.Resource
	// Default marks a default subnet of the default VPC.
	Default          bool
	VPCID            model.String
	CIDRBlock        model.String
	IPv6CIDRBlock    model.String
	AvailabilityZone model.String
	// MapPublicIPOnLaunch is whether instances launched into the subnet get
	// a public IPv4 address by default.
	MapPublicIPOnLaunch model.Bool
	// AssignIPv6OnCreation is whether network interfaces created in the
	// subnet get an IPv6 address.
	AssignIPv6OnCreation model.Bool
}

// InternetGateway is an internet gateway or an egress-only internet gateway.
type InternetGateway struct {
	model.Resource
	// EgressOnly marks an IPv6 egress-only gateway, which admits no inbound
	// connections.
	EgressOnly bool
	VPCID      model.String
}

// NATGateway is a NAT gateway.
type NATGateway struct {
	model.Resource
	SubnetID model.String
	// ConnectivityType is "public" or "private".
	ConnectivityType model.String
}

// FlowLog captures IP traffic of a VPC, subnet, network interface or transit
// gateway.
type FlowLog struct {
	model.Resource
	// TargetType is "VPC", "Subnet", "NetworkInterface", "TransitGateway"
	// or "TransitGatewayAttachment".
	TargetType model.String
	// TargetID is the target's model ID when declared in the source,
	// otherwise its AWS ID; Unknown when it could not be resolved.
	TargetID model.String
	// TrafficType is "ACCEPT", "REJECT" or "ALL".
	TrafficType model.String
	// DestinationType is "cloud-watch-logs", "s3" or "kinesis-data-firehose".
	DestinationType model.String
	Destination     model.String
}

// Endpoint is a VPC endpoint.
type Endpoint struct {
	model.Resource
	VPCID       model.String
	ServiceName model.String
	// EndpointType is "Gateway", "Interface", "GatewayLoadBalancer", ...
	EndpointType      model.String
	Policy            iam.Document
	SubnetIDs         model.List[string]
	SecurityGroupIDs  model.List[string]
	RouteTableIDs     model.List[string]
	PrivateDNSEnabled model.Bool
}

// PeeringConnection is a VPC peering connection.
type PeeringConnection struct {
	model.Resource
	VPCID       model.String
	PeerVPCID   model.String
	PeerOwnerID model.String
	PeerRegion  model.String
}
