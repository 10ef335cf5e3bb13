package iam

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/source/tfres"
	"github.com/zclconf/go-cty/cty"
)

// Adapt builds the IAM state from evaluated resources.
//
// Users, groups and roles are joined with everything that configures them
// from other resources: inline policies (aws_iam_*_policy), managed policy
// attachments (aws_iam_*_policy_attachment, aws_iam_policy_attachment,
// aws_iam_*_policy_attachments_exclusive, a role's managed_policy_arns),
// group memberships, access keys, login profiles and instance profiles. A
// policy or membership whose target cannot be resolved is kept in the flat
// lists and marks every identity of that kind incomplete.
func Adapt(set *tfres.Set) iam.State {
	a := &adapter{set: set, byAddr: map[string]any{}}
	a.policies()
	a.users()
	a.groups()
	a.roles()
	a.inlinePolicies()
	a.attachments()
	a.memberships()
	a.instanceProfiles()
	a.credentials()
	a.account()
	a.complete()
	return a.st
}

type adapter struct {
	set *tfres.Set
	st  iam.State
	// byAddr maps resource addresses to the model values built from them.
	byAddr map[string]any
	// incomplete records identity kinds that an unattributed policy or
	// membership may belong to.
	incompletePolicies    map[iam.Kind]bool
	incompleteMemberships bool
}

// identityTypes maps identity kinds to the resource types defining them.
var identityTypes = map[iam.Kind]string{
	iam.KindUser:  "aws_iam_user",
	iam.KindGroup: "aws_iam_group",
	iam.KindRole:  "aws_iam_role",
}

func (a *adapter) identity(r *tfres.Resource, kind iam.Kind) iam.Identity {
	name := r.Body.String("name", "")
	if !r.Body.Has("name") {
		// Roles without a name get one generated from name_prefix or by AWS.
		name = model.Unresolved[string](r.Body.Origin)
	}
	return iam.Identity{
		Resource:         r.Identity(name.Val()),
		Kind:             kind,
		IdentityName:     name,
		ARN:              model.Unresolved[string](r.Body.Origin),
		Path:             r.Body.String("path", "/"),
		PoliciesComplete: true,
	}
}

func (a *adapter) policies() {
	for _, r := range a.set.OfType("aws_iam_policy") {
		name := r.Body.String("name", "")
		if !r.Body.Has("name") {
			name = model.Unresolved[string](r.Body.Origin)
		}
		p := &iam.Policy{
			Resource:   r.Identity(name.Val()),
			PolicyName: name,
			ARN:        model.Unresolved[string](r.Body.Origin),
			Path:       r.Body.String("path", "/"),
			Document:   Document(a.set, r.Body, "policy"),
		}
		a.byAddr[r.Address] = p
		a.st.Policies = append(a.st.Policies, p)
	}
}

func (a *adapter) users() {
	for _, r := range a.set.OfType("aws_iam_user") {
		u := &iam.User{
			Identity:            a.identity(r, iam.KindUser),
			PermissionsBoundary: r.Body.String("permissions_boundary", ""),
			BoundaryPolicy:      a.boundaryPolicy(r),
			GroupsComplete:      true,
		}
		a.byAddr[r.Address] = u
		a.st.Users = append(a.st.Users, u)
	}
}

// boundaryPolicy links a user's or role's permissions_boundary to the
// aws_iam_policy of the source it names, if any (policies come first).
func (a *adapter) boundaryPolicy(r *tfres.Resource) *iam.Policy {
	if !r.Body.Has("permissions_boundary") {
		return nil
	}
	pr, link := resolve(a.set, attrElement(r.Body, "permissions_boundary"), []string{"aws_iam_policy"}, "arn")
	if p, ok := a.byAddr[addrOf(pr)].(*iam.Policy); link == tfres.Linked && ok {
		return p
	}
	arn, known := r.Body.String("permissions_boundary", "").Get()
	if !known {
		return nil
	}
	return a.policyByARN(arn)
}

func (a *adapter) groups() {
	for _, r := range a.set.OfType("aws_iam_group") {
		g := &iam.Group{Identity: a.identity(r, iam.KindGroup), MembersComplete: true}
		a.byAddr[r.Address] = g
		a.st.Groups = append(a.st.Groups, g)
	}
}

func (a *adapter) roles() {
	for _, r := range a.set.OfType("aws_iam_role") {
		role := &iam.Role{
			Identity:            a.identity(r, iam.KindRole),
			TrustPolicy:         Document(a.set, r.Body, "assume_role_policy"),
			MaxSessionDuration:  r.Body.Int("max_session_duration", 3600),
			PermissionsBoundary: r.Body.String("permissions_boundary", ""),
			BoundaryPolicy:      a.boundaryPolicy(r),
		}
		a.byAddr[r.Address] = role
		a.st.Roles = append(a.st.Roles, role)
		a.roleInlinePolicies(r, role)
		a.roleManagedPolicies(r, role)
	}
}

// roleInlinePolicies reads the role's inline_policy blocks. An empty block
// is how a configuration says "no inline policies", so it declares none.
func (a *adapter) roleInlinePolicies(r *tfres.Resource, role *iam.Role) {
	if !r.Body.BlocksKnown("inline_policy") {
		role.PoliciesComplete = false
	}
	for _, b := range r.Body.Blocks("inline_policy") {
		if !b.Has("name") && !b.Has("policy") {
			continue
		}
		p := &iam.InlinePolicy{
			Resource:   role.Resource,
			PolicyName: b.String("name", ""),
			Document:   Document(a.set, b, "policy"),
			TargetKind: iam.KindRole,
			TargetName: role.IdentityName,
			TargetID:   role.ID,
		}
		role.InlinePolicies = append(role.InlinePolicies, p)
		a.st.InlinePolicies = append(a.st.InlinePolicies, p)
	}
}

// roleManagedPolicies reads the deprecated managed_policy_arns argument.
func (a *adapter) roleManagedPolicies(r *tfres.Resource, role *iam.Role) {
	attr := r.Body.Attr("managed_policy_arns")
	if attr == nil {
		return
	}
	items, ok := elements(attr)
	if !ok {
		role.PoliciesComplete = false
		return
	}
	for _, el := range items {
		at := a.attachment(role.Resource, el)
		a.attach(at, iam.KindRole, role.IdentityName, &role.Identity)
	}
}

// attachment builds the attachment of the policy an element names; the
// target is filled in by attach.
func (a *adapter) attachment(declared model.Resource, el element) *iam.Attachment {
	at := &iam.Attachment{Resource: declared, Origin: el.origin, PolicyARN: el.str()}
	pr, link := resolve(a.set, el, []string{"aws_iam_policy"}, "arn")
	if p, ok := a.byAddr[addrOf(pr)].(*iam.Policy); link == tfres.Linked && ok {
		// A data source of the same type links too; it defines no policy.
		at.Policy = p
	} else if arn, known := at.PolicyARN.Get(); known {
		at.Policy = a.policyByARN(arn)
	}
	return at
}

// policyByARN finds the customer managed policy a literal ARN names, by its
// name and path, when the source defines it.
func (a *adapter) policyByARN(arn string) *iam.Policy {
	name, ok := iam.PolicyNameFromARN(arn)
	if !ok || iam.AWSManagedPolicy(arn, name) {
		return nil
	}
	for _, p := range a.st.Policies {
		if p.PolicyName.Is(name) && p.Path.Known() && strings.HasSuffix(arn, ":policy"+p.Path.Val()+name) {
			return p
		}
	}
	return nil
}

// attach records at as attached to the identity of kind named name (target
// when the source defines it).
func (a *adapter) attach(at *iam.Attachment, kind iam.Kind, name model.String, target *iam.Identity) {
	at.TargetKind, at.TargetName = kind, name
	if target != nil {
		at.TargetID = target.ID
		target.AttachedPolicies = append(target.AttachedPolicies, at)
	}
	a.st.Attachments = append(a.st.Attachments, at)
}

// target resolves the identity of kind an attribute (or one element of it)
// names. unresolved is true when it might be any identity of the kind.
func (a *adapter) target(el element, kind iam.Kind) (name model.String, id *iam.Identity, unresolved bool) {
	r, link := resolve(a.set, el, []string{identityTypes[kind]}, "name")
	switch link {
	case tfres.Linked:
		if id := a.identityAt(r.Address); id != nil {
			return id.IdentityName, id, false
		}
		// A data source: the identity is defined outside the source.
	case tfres.Unresolvable:
		return el.str(), nil, true
	}
	return el.str(), nil, false
}

func (a *adapter) identityAt(addr string) *iam.Identity {
	switch v := a.byAddr[addr].(type) {
	case *iam.User:
		return &v.Identity
	case *iam.Group:
		return &v.Identity
	case *iam.Role:
		return &v.Identity
	}
	return nil
}

// attrElement returns the attribute name of b as a single element.
func attrElement(b *tfres.Block, name string) element {
	if at := b.Attr(name); at != nil {
		raw, _ := at.Value.UnmarkDeep()
		return element{value: raw, refs: tfres.RefsOf(at.Value), origin: at.Origin}
	}
	return element{value: cty.NullVal(cty.String), origin: b.Origin}
}

// inlinePolicies reads aws_iam_user_policy, aws_iam_group_policy and
// aws_iam_role_policy.
func (a *adapter) inlinePolicies() {
	for _, f := range []struct {
		typ, attr string
		kind      iam.Kind
	}{
		{"aws_iam_user_policy", "user", iam.KindUser},
		{"aws_iam_group_policy", "group", iam.KindGroup},
		{"aws_iam_role_policy", "role", iam.KindRole},
	} {
		for _, r := range a.set.OfType(f.typ) {
			name := r.Body.String("name", "")
			if !r.Body.Has("name") {
				name = model.Unresolved[string](r.Body.Origin)
			}
			p := &iam.InlinePolicy{
				Resource:   r.Identity(name.Val()),
				PolicyName: name,
				Document:   Document(a.set, r.Body, "policy"),
				TargetKind: f.kind,
			}
			name, target, unresolved := a.target(attrElement(r.Body, f.attr), f.kind)
			p.TargetName = name
			a.markIncomplete(f.kind, unresolved)
			if target != nil {
				p.TargetID = target.ID
				target.InlinePolicies = append(target.InlinePolicies, p)
			}
			a.st.InlinePolicies = append(a.st.InlinePolicies, p)
		}
	}
}

func (a *adapter) markIncomplete(kind iam.Kind, unresolved bool) {
	if !unresolved {
		return
	}
	if a.incompletePolicies == nil {
		a.incompletePolicies = map[iam.Kind]bool{}
	}
	a.incompletePolicies[kind] = true
}

// attachments reads every form of managed policy attachment.
func (a *adapter) attachments() {
	for _, f := range []struct {
		typ, attr string
		kind      iam.Kind
	}{
		{"aws_iam_user_policy_attachment", "user", iam.KindUser},
		{"aws_iam_group_policy_attachment", "group", iam.KindGroup},
		{"aws_iam_role_policy_attachment", "role", iam.KindRole},
	} {
		for _, r := range a.set.OfType(f.typ) {
			at := a.attachment(r.Identity(""), attrElement(r.Body, "policy_arn"))
			at.Origin = r.Body.Origin
			name, id, unresolved := a.target(attrElement(r.Body, f.attr), f.kind)
			a.markIncomplete(f.kind, unresolved)
			a.attach(at, f.kind, name, id)
		}
	}
	for _, f := range []struct {
		typ, attr string
		kind      iam.Kind
	}{
		{"aws_iam_user_policy_attachments_exclusive", "user_name", iam.KindUser},
		{"aws_iam_group_policy_attachments_exclusive", "group_name", iam.KindGroup},
		{"aws_iam_role_policy_attachments_exclusive", "role_name", iam.KindRole},
	} {
		for _, r := range a.set.OfType(f.typ) {
			name, id, unresolved := a.target(attrElement(r.Body, f.attr), f.kind)
			a.markIncomplete(f.kind, unresolved)
			a.attachList(r, "policy_arns", f.kind, name, id)
		}
	}
	for _, r := range a.set.OfType("aws_iam_policy_attachment") {
		a.sharedAttachment(r)
	}
}

// attachList attaches every policy of a list attribute to one identity.
func (a *adapter) attachList(r *tfres.Resource, attr string, kind iam.Kind, name model.String, id *iam.Identity) {
	at := r.Body.Attr(attr)
	if at == nil {
		return
	}
	items, ok := elements(at)
	if !ok {
		a.markIncomplete(kind, true)
		if id != nil {
			id.PoliciesComplete = false
		}
		return
	}
	for _, el := range items {
		a.attach(a.attachment(r.Identity(""), el), kind, name, id)
	}
}

// sharedAttachment reads aws_iam_policy_attachment, which attaches one
// policy to lists of users, groups and roles.
func (a *adapter) sharedAttachment(r *tfres.Resource) {
	policy := attrElement(r.Body, "policy_arn")
	for _, f := range []struct {
		attr string
		kind iam.Kind
	}{{"users", iam.KindUser}, {"groups", iam.KindGroup}, {"roles", iam.KindRole}} {
		attr := r.Body.Attr(f.attr)
		if attr == nil {
			continue
		}
		items, ok := elements(attr)
		if !ok {
			a.markIncomplete(f.kind, true)
			continue
		}
		for _, el := range items {
			at := a.attachment(r.Identity(""), policy)
			at.Origin = el.origin
			name, id, unresolved := a.target(el, f.kind)
			a.markIncomplete(f.kind, unresolved)
			a.attach(at, f.kind, name, id)
		}
	}
}

// memberships reads aws_iam_group_membership (one group, many users) and
// aws_iam_user_group_membership (one user, many groups).
func (a *adapter) memberships() {
	for _, r := range a.set.OfType("aws_iam_group_membership") {
		gname, gid, gun := a.target(attrElement(r.Body, "group"), iam.KindGroup)
		a.incompleteMemberships = a.incompleteMemberships || gun
		a.membershipList(r, "users", iam.KindUser, func(el element) *iam.Membership {
			uname, uid, uun := a.target(el, iam.KindUser)
			a.incompleteMemberships = a.incompleteMemberships || uun
			return a.membership(uname, uid, gname, gid)
		})
	}
	for _, r := range a.set.OfType("aws_iam_user_group_membership") {
		uname, uid, uun := a.target(attrElement(r.Body, "user"), iam.KindUser)
		a.incompleteMemberships = a.incompleteMemberships || uun
		a.membershipList(r, "groups", iam.KindGroup, func(el element) *iam.Membership {
			gname, gid, gun := a.target(el, iam.KindGroup)
			a.incompleteMemberships = a.incompleteMemberships || gun
			return a.membership(uname, uid, gname, gid)
		})
	}
}

// membership links a user and a group, either of which the source may not
// define.
func (a *adapter) membership(uname model.String, uid *iam.Identity, gname model.String, gid *iam.Identity) *iam.Membership {
	m := &iam.Membership{UserName: uname, GroupName: gname}
	if u := a.user(uid); u != nil {
		m.UserID = u.ID
		u.Groups = append(u.Groups, m)
	}
	if g := a.group(gid); g != nil {
		m.GroupID = g.ID
		g.Members = append(g.Members, m)
	}
	return m
}

func (a *adapter) membershipList(r *tfres.Resource, attr string, kind iam.Kind, build func(element) *iam.Membership) {
	at := r.Body.Attr(attr)
	if at == nil {
		return
	}
	items, ok := elements(at)
	if !ok {
		a.incompleteMemberships = true
		return
	}
	for _, el := range items {
		m := build(el)
		m.Resource, m.Origin = r.Identity(""), el.origin
		a.st.Memberships = append(a.st.Memberships, m)
	}
}

func (a *adapter) user(id *iam.Identity) *iam.User {
	if id == nil {
		return nil
	}
	u, _ := a.byAddr[id.ID].(*iam.User)
	return u
}

func (a *adapter) group(id *iam.Identity) *iam.Group {
	if id == nil {
		return nil
	}
	g, _ := a.byAddr[id.ID].(*iam.Group)
	return g
}

func (a *adapter) instanceProfiles() {
	for _, r := range a.set.OfType("aws_iam_instance_profile") {
		name := r.Body.String("name", "")
		if !r.Body.Has("name") {
			name = model.Unresolved[string](r.Body.Origin)
		}
		p := &iam.InstanceProfile{
			Resource:    r.Identity(name.Val()),
			ProfileName: name,
			ARN:         model.Unresolved[string](r.Body.Origin),
			RoleName:    r.Body.String("role", ""),
		}
		if r.Body.Has("role") {
			rname, id, _ := a.target(attrElement(r.Body, "role"), iam.KindRole)
			p.RoleName = rname
			if role, ok := a.byAddr[idOf(id)].(*iam.Role); ok {
				p.RoleID = role.ID
				role.InstanceProfiles = append(role.InstanceProfiles, p)
			}
		}
		a.st.InstanceProfiles = append(a.st.InstanceProfiles, p)
	}
}

// credentials reads access keys and login profiles.
func (a *adapter) credentials() {
	for _, r := range a.set.OfType("aws_iam_access_key") {
		uname, id, _ := a.target(attrElement(r.Body, "user"), iam.KindUser)
		k := &iam.AccessKey{
			Resource: r.Identity(""),
			UserName: uname,
			Status:   r.Body.String("status", "Active"),
			PGPKey:   r.Body.String("pgp_key", ""),
		}
		if u := a.user(id); u != nil {
			k.UserID = u.ID
			u.AccessKeys = append(u.AccessKeys, k)
		}
		a.st.AccessKeys = append(a.st.AccessKeys, k)
	}
	for _, r := range a.set.OfType("aws_iam_user_login_profile") {
		uname, id, _ := a.target(attrElement(r.Body, "user"), iam.KindUser)
		p := &iam.LoginProfile{
			Resource: r.Identity(""),
			UserName: uname,
			// CreateLoginProfile's own default when the argument is left out.
			PasswordResetRequired: r.Body.Bool("password_reset_required", false),
			PGPKey:                r.Body.String("pgp_key", ""),
		}
		if u := a.user(id); u != nil {
			p.UserID = u.ID
			u.LoginProfiles = append(u.LoginProfiles, p)
		}
		a.st.LoginProfiles = append(a.st.LoginProfiles, p)
	}
}

// account reads account-wide settings and identity providers.
func (a *adapter) account() {
	for _, r := range a.set.OfType("aws_iam_account_password_policy") {
		b := r.Body
		a.st.PasswordPolicies = append(a.st.PasswordPolicies, &iam.PasswordPolicy{
			Resource:           r.Identity(""),
			MinimumLength:      b.Int("minimum_password_length", 6),
			RequireUppercase:   b.Bool("require_uppercase_characters", false),
			RequireLowercase:   b.Bool("require_lowercase_characters", false),
			RequireNumbers:     b.Bool("require_numbers", false),
			RequireSymbols:     b.Bool("require_symbols", false),
			MaxAgeDays:         b.Int("max_password_age", 0),
			ReusePrevention:    b.Int("password_reuse_prevention", 0),
			AllowUsersToChange: b.Bool("allow_users_to_change_password", true),
			HardExpiry:         b.Bool("hard_expiry", false),
		})
	}
	for _, r := range a.set.OfType("aws_iam_openid_connect_provider") {
		url := r.Body.String("url", "")
		a.st.OIDCProviders = append(a.st.OIDCProviders, &iam.OIDCProvider{
			Resource:    r.Identity(url.Val()),
			URL:         url,
			ARN:         model.Unresolved[string](r.Body.Origin),
			ClientIDs:   r.Body.StringList("client_id_list"),
			Thumbprints: r.Body.StringList("thumbprint_list"),
		})
	}
	for _, r := range a.set.OfType("aws_iam_saml_provider") {
		name := r.Body.String("name", "")
		a.st.SAMLProviders = append(a.st.SAMLProviders, &iam.SAMLProvider{
			Resource:     r.Identity(name.Val()),
			ProviderName: name,
			ARN:          model.Unresolved[string](r.Body.Origin),
		})
	}
}

// complete marks identities whose policy or membership lists may miss an
// unattributed entry.
func (a *adapter) complete() {
	for _, u := range a.st.Users {
		if a.incompletePolicies[iam.KindUser] {
			u.PoliciesComplete = false
		}
		if a.incompleteMemberships {
			u.GroupsComplete = false
		}
	}
	for _, g := range a.st.Groups {
		if a.incompletePolicies[iam.KindGroup] {
			g.PoliciesComplete = false
		}
		if a.incompleteMemberships {
			g.MembersComplete = false
		}
	}
	for _, r := range a.st.Roles {
		if a.incompletePolicies[iam.KindRole] {
			r.PoliciesComplete = false
		}
	}
}

func addrOf(r *tfres.Resource) string {
	if r == nil {
		return ""
	}
	return r.Address
}

func idOf(id *iam.Identity) string {
	if id == nil {
		return ""
	}
	return id.ID
}
