package vpc

import (
	"net/netip"

	"github.com/vigil-sec/vigil/internal/model"
)

// SecurityGroup is a security group with every rule that belongs to it,
// whether written inline or as standalone rule resources.
type SecurityGroup struct {
	model.Resource
	// Default marks a VPC's default security group.
	Default     bool
	GroupName   model.String
	Description model.String
	VPCID       model.String
	Rules       []*Rule
	// RulesComplete reports whether Rules is every rule of the group: false
	// when a dynamic block could not be expanded or a standalone rule could
	// not be attributed to a group and might belong to this one.
	RulesComplete bool
}

// Direction tells ingress from egress.
type Direction uint8

// Directions.
const (
	Ingress Direction = iota + 1
	Egress
)

// Protocols as rules hold them: names for the common ones, IANA numbers as
// decimal strings for the others.
const (
	ProtocolAll    = "-1"
	ProtocolTCP    = "tcp"
	ProtocolUDP    = "udp"
	ProtocolICMP   = "icmp"
	ProtocolICMPv6 = "icmpv6"
)

// Rule is one security group rule: one direction, one protocol and port
// range, any number of peers.
type Rule struct {
	// Resource identifies a standalone rule resource; it is the zero
	// Resource for a rule written inline in its group.
	Resource model.Resource
	// Origin is where the rule is declared.
	Origin model.Origin
	// GroupID is the owning group's model ID, or its AWS ID when it is not
	// declared; Unknown when it could not be resolved.
	GroupID     model.String
	Direction   Direction
	Description model.String
	// Protocol is one of the Protocol constants or an IANA number.
	Protocol model.String
	FromPort model.Int
	ToPort   model.Int
	// CIDRs are the IPv4 peers.
	CIDRs model.List[string]
	// IPv6CIDRs are the IPv6 peers.
	IPv6CIDRs     model.List[string]
	PrefixListIDs model.List[string]
	// SecurityGroupIDs are the peer groups' model IDs (or AWS IDs).
	SecurityGroupIDs model.List[string]
	// Self is whether the group itself is a peer.
	Self model.Bool
}

// CoversPort reports whether the rule admits traffic of protocol (tcp or udp)
// to port. known is false when the protocol or port range is unknown.
func (r *Rule) CoversPort(protocol string, port int) (covers, known bool) {
	p, ok := r.Protocol.Get()
	if !ok {
		return false, false
	}
	switch p {
	case ProtocolAll:
		return true, true
	case protocol:
	default:
		return false, true
	}
	from, okf := r.FromPort.Get()
	to, okt := r.ToPort.Get()
	if !okf || !okt {
		return false, false
	}
	// -1 as a port means every port in some provider forms.
	if from == -1 && to == -1 {
		return true, true
	}
	return from <= port && port <= to, true
}

// IsWorld reports whether cidr is a /0 prefix: every IPv4 or IPv6 address.
func IsWorld(cidr string) bool {
	p, err := netip.ParsePrefix(cidr)
	return err == nil && p.Bits() == 0
}

// NormalizeProtocol maps the protocol spellings AWS accepts to the form
// rules hold: "-1" and "all" to ProtocolAll, "6" to ProtocolTCP, and so on.
func NormalizeProtocol(p string) string {
	switch p {
	case "-1", "all", "ALL", "All":
		return ProtocolAll
	case "6", "tcp", "TCP", "Tcp":
		return ProtocolTCP
	case "17", "udp", "UDP", "Udp":
		return ProtocolUDP
	case "1", "icmp", "ICMP", "Icmp":
		return ProtocolICMP
	case "58", "icmpv6", "ICMPv6", "ICMPV6":
		return ProtocolICMPv6
	}
	return p
}
