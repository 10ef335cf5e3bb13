package vpc

import "github.com/vigil-sec/vigil/internal/model"

// NetworkACL is a network ACL with every rule that belongs to it.
type NetworkACL struct {
	model.Resource
	// Default marks a VPC's default network ACL.
	Default   bool
	VPCID     model.String
	SubnetIDs model.List[string]
	Rules     []*ACLRule
	// RulesComplete reports whether Rules is every rule of the ACL.
	RulesComplete bool
}

// ACLRule is one numbered network ACL entry.
type ACLRule struct {
	// Resource identifies a standalone rule resource; zero for an inline rule.
	Resource model.Resource
	Origin   model.Origin
	// ACLID is the owning ACL's model ID or AWS ID; Unknown when unresolved.
	ACLID      model.String
	Direction  Direction
	RuleNumber model.Int
	// Action is "allow" or "deny".
	Action model.String
	// Protocol is one of the Protocol constants or an IANA number.
	Protocol model.String
	FromPort model.Int
	ToPort   model.Int
	CIDR     model.String
	IPv6CIDR model.String
}

// CoversPort reports whether the entry matches traffic of protocol (tcp or
// udp) to port; known is false when that cannot be told.
func (r *ACLRule) CoversPort(protocol string, port int) (covers, known bool) {
	sg := Rule{Protocol: r.Protocol, FromPort: r.FromPort, ToPort: r.ToPort}
	return sg.CoversPort(protocol, port)
}

// World returns the entry's peer CIDR when it is the whole internet.
func (r *ACLRule) World() (model.String, bool) {
	for _, c := range []model.String{r.CIDR, r.IPv6CIDR} {
		if v, ok := c.Get(); ok && IsWorld(v) {
			return c, true
		}
	}
	return model.String{}, false
}
