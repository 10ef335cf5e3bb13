package awsestate

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/iam"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// serviceLinkedPath is where AWS puts service-linked roles
// ("/aws-service-role/autoscaling.amazonaws.com/").
const serviceLinkedPath = "/aws-service-role/"

// trustPolicyName names role trust policies, as the IAM API calls them.
const trustPolicyName = "AssumeRolePolicyDocument"

func (b *builder) principals() {
	st := &b.st.IAM
	ps := make([]*iam.Principal, 0, len(st.Users)+len(st.Groups)+len(st.Roles))
	users := make([]*iam.Principal, len(st.Users))
	for i, u := range st.Users {
		users[i] = b.principal(iam.User, &u.Identity)
		ps = append(ps, users[i])
	}
	groups := make([]*iam.Principal, len(st.Groups))
	for i, g := range st.Groups {
		groups[i] = b.principal(iam.Group, &g.Identity)
		ps = append(ps, groups[i])
		if name, ok := g.IdentityName.Get(); ok {
			b.groupByName[name] = uniqueOrNil(b.groupByName, name, groups[i])
		}
	}
	for _, r := range st.Roles {
		p := b.principal(iam.Role, &r.Identity)
		b.role(p, r)
		ps = append(ps, p)
	}
	for i, g := range st.Groups {
		groups[i].Policies = b.identityPolicies(groups[i], &g.Identity)
	}
	via := inherited(groups)
	for i, u := range st.Users {
		b.user(users[i], u, via)
	}
	b.instanceProfiles()
	b.e.Add(ps...)
}

// uniqueOrNil returns p when m holds no other principal under key, nil
// otherwise: a name shared by several principals links to none of them.
func uniqueOrNil(m map[string]*iam.Principal, key string, p *iam.Principal) *iam.Principal {
	if prev, ok := m[key]; ok && prev != p {
		return nil
	}
	return p
}

// principal builds what users, groups and roles share: identity, tags and
// the principal's own policies' completeness.
func (b *builder) principal(typ iam.PrincipalType, id *iammodel.Identity) *iam.Principal {
	p := &iam.Principal{
		Type:     typ,
		Account:  b.account,
		Resource: id.Resource,
		Complete: id.PoliciesComplete,
	}
	name, ok := id.IdentityName.Get()
	if !ok || name == "" {
		// Generated at apply time: the resource name keeps the principal
		// nameable, but policies naming the real one cannot be matched.
		name, p.Complete = id.Resource.Name, false
	}
	path, ok := id.Path.Get()
	if !ok || path == "" {
		p.Complete = p.Complete && ok
		path = "/"
	}
	p.Name, p.Path = name, path
	if arn, ok := knownARN(id.ARN); ok {
		p.ARN = arn
		if acct := accountOf(arn); acct != "" {
			p.Account = acct
		}
	} else {
		p.ARN = "arn:" + b.partition + ":iam::" + b.account + ":" + string(id.Kind) + path + name
	}
	p.Tags, p.TagsKnown = tags(id.Resource.Tags)
	b.byID[id.ID] = p
	return p
}

// identityPolicies returns the principal's own inline and attached policies,
// clearing p.Complete when one cannot be read.
func (b *builder) identityPolicies(p *iam.Principal, id *iammodel.Identity) []*iam.Policy {
	ps := make([]*iam.Policy, 0, len(id.InlinePolicies)+len(id.AttachedPolicies))
	for _, ip := range id.InlinePolicies {
		pol := iam.NewPolicy(iam.IdentityPolicy, ip.PolicyName.Val(), b.localDoc(ip.Document))
		pol.Source = ip.Resource
		ps = append(ps, pol)
	}
	for _, at := range id.AttachedPolicies {
		ps = append(ps, b.attached(at))
	}
	for _, pol := range ps {
		if !pol.Document.Known() {
			p.Complete = false
		}
	}
	return ps
}

// inherited returns, for each group principal, its policies as its members
// inherit them: one per group, sharing the group's compiled statements,
// with Via naming the group.
func inherited(groups []*iam.Principal) map[*iam.Principal][]*iam.Policy {
	out := make(map[*iam.Principal][]*iam.Policy, len(groups))
	for _, g := range groups {
		via := "group/" + g.Name
		ps := make([]*iam.Policy, len(g.Policies))
		for i, gp := range g.Policies {
			ps[i] = gp.Inherited(via)
		}
		out[g] = ps
	}
	return out
}

// user fills in a user's policies, groups and boundary.
func (b *builder) user(p *iam.Principal, u *iammodel.User, inherited map[*iam.Principal][]*iam.Policy) {
	own := b.identityPolicies(p, &u.Identity)
	p.Complete = p.Complete && u.GroupsComplete
	n := len(own)
	for _, m := range u.Groups {
		g := b.group(m)
		switch {
		case g == nil:
			// A group outside the source: its policies apply unseen.
			p.Complete = false
		case !containsPrincipal(p.Groups, g):
			p.Groups = append(p.Groups, g)
			g.Members = append(g.Members, p)
			n += len(g.Policies)
			p.Complete = p.Complete && g.Complete
		}
	}
	p.Policies = own
	if len(p.Groups) > 0 {
		p.Policies = make([]*iam.Policy, 0, n)
		p.Policies = append(p.Policies, own...)
		for _, g := range p.Groups {
			p.Policies = append(p.Policies, inherited[g]...)
		}
	}
	p.Boundary = b.boundary(u.PermissionsBoundary, u.BoundaryPolicy, u.Resource)
}

// group resolves a membership's group: by model ID, else by a name only one
// group of the estate has.
func (b *builder) group(m *iammodel.Membership) *iam.Principal {
	if g := b.byID[m.GroupID]; g != nil && m.GroupID != "" {
		return g
	}
	if name, ok := m.GroupName.Get(); ok {
		return b.groupByName[name]
	}
	return nil
}

func containsPrincipal(ps []*iam.Principal, p *iam.Principal) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

// role fills in a role's policies, boundary and trust policy.
func (b *builder) role(p *iam.Principal, r *iammodel.Role) {
	p.Policies = b.identityPolicies(p, &r.Identity)
	p.Boundary = b.boundary(r.PermissionsBoundary, r.BoundaryPolicy, r.Resource)
	p.ServiceLinked = strings.HasPrefix(p.Path, serviceLinkedPath)
	if text, ok := r.TrustPolicy.Raw.Get(); !ok || text != "" {
		p.Trust = iam.NewPolicy(iam.ResourcePolicy, trustPolicyName, b.localDoc(r.TrustPolicy))
		p.Trust.Source = r.Resource
	}
	b.roleByARN[p.ARN] = p
	if r.IdentityName.Known() && r.Path.Known() {
		key := p.Path + p.Name
		b.roleByName[key] = uniqueOrNil(b.roleByName, key, p)
		b.roleByBareName[p.Name] = uniqueOrNil(b.roleByBareName, p.Name, p)
	}
}

// roleNamed resolves an ARN naming a role: the role with that ARN, else,
// when the estate's account is not known (IaC, where a literal ARN names the
// real account), the only role with its path and name.
func (b *builder) roleNamed(arn string) *iam.Principal {
	if p := b.roleByARN[arn]; p != nil {
		return p
	}
	f := strings.SplitN(arn, ":", 6)
	if len(f) < 6 || f[0] != "arn" || f[2] != "iam" || !strings.HasPrefix(f[5], "role/") {
		return nil
	}
	if p := b.roleByName[strings.TrimPrefix(f[5], "role")]; p != nil && p.Account == PlaceholderAccount {
		return p
	}
	return nil
}

// instanceProfiles records on each role the ARNs of the instance profiles
// holding it.
func (b *builder) instanceProfiles() {
	for _, ip := range b.st.IAM.InstanceProfiles {
		role := b.profileRole(ip)
		if role == nil {
			continue
		}
		role.InstanceProfiles = append(role.InstanceProfiles, b.profileARN(ip))
	}
}

// profileRole returns the role principal an instance profile holds, or nil.
func (b *builder) profileRole(ip *iammodel.InstanceProfile) *iam.Principal {
	if ip.RoleID != "" {
		if p := b.byID[ip.RoleID]; p != nil && p.Type == iam.Role {
			return p
		}
	}
	if name, ok := ip.RoleName.Get(); ok && name != "" {
		// The role is named by name alone; names are unique in an account.
		return b.roleByBareName[name]
	}
	return nil
}

// profileARN returns an instance profile's ARN as the source knows it, or
// as the estate names it.
func (b *builder) profileARN(ip *iammodel.InstanceProfile) string {
	if arn, ok := knownARN(ip.ARN); ok {
		return arn
	}
	name, ok := ip.ProfileName.Get()
	if !ok || name == "" {
		name = ip.Name
	}
	return "arn:" + b.partition + ":iam::" + b.account + ":instance-profile/" + name
}
