package organizations

import (
	"slices"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/organizations"
	iamadapt "github.com/vigil-sec/vigil/internal/source/tfaws/iam"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

const (
	organizationType = "aws_organizations_organization"
	unitType         = "aws_organizations_organizational_unit"
	accountType      = "aws_organizations_account"
	policyType       = "aws_organizations_policy"
)

// nodeTypes are the resources (and data sources) a parent_id or target_id
// can be read from.
var nodeTypes = []string{organizationType, unitType, accountType}

// Adapt builds the Organizations state from evaluated resources.
//
// OUs and accounts are placed under the root or OU their parent_id names,
// and each aws_organizations_policy_attachment is joined with its policy
// and its target. A root is read from an organization's roots attribute
// (aws_organizations_organization.this.roots[0].id), of the resource or of
// the data source.
func Adapt(set *tfres.Set) organizations.State {
	var st organizations.State
	for _, r := range set.OfType(organizationType) {
		b := r.Body
		st.Organizations = append(st.Organizations, &organizations.Organization{
			Resource:            r.Identity(""),
			FeatureSet:          b.String("feature_set", organizations.FeatureSetAll),
			EnabledPolicyTypes:  b.StringList("enabled_policy_types"),
			OrganizationID:      model.Unresolved[string](b.Origin),
			RootID:              model.Unresolved[string](b.Origin),
			ManagementAccountID: model.Unresolved[string](b.Origin),
		})
	}
	policies := map[string]*organizations.Policy{}
	for _, r := range set.OfType(policyType) {
		p := policy(set, r)
		policies[r.Address] = p
		st.Policies = append(st.Policies, p)
	}
	for _, r := range set.OfType(unitType) {
		name := r.Body.String("name", "")
		st.Units = append(st.Units, &organizations.Unit{
			Resource: r.Identity(name.Val()),
			UnitName: name,
			UnitID:   model.Unresolved[string](r.Body.Origin),
			Parent:   nodeRef(set, r.Body, "parent_id"),
		})
	}
	for _, r := range set.OfType(accountType) {
		b := r.Body
		name := b.String("name", "")
		a := &organizations.Account{
			Resource:       r.Identity(name.Val()),
			AccountName:    name,
			Email:          b.String("email", ""),
			AccountID:      model.Unresolved[string](b.Origin),
			Parent:         nodeRef(set, b, "parent_id"),
			AccessRoleName: b.String("role_name", "OrganizationAccountAccessRole"),
		}
		if !b.Has("parent_id") && !b.Unknown() {
			a.Parent = defaultRoot(st.Organizations, b.Origin)
		}
		st.Accounts = append(st.Accounts, a)
	}
	for _, r := range set.OfType("aws_organizations_policy_attachment") {
		at := &organizations.Attachment{
			Resource: r.Identity(""),
			PolicyID: set.LinkID(r.Body, "policy_id", []string{policyType}),
			Target:   nodeRef(set, r.Body, "target_id"),
		}
		if id, ok := at.PolicyID.Get(); ok {
			at.Policy = policies[id]
		}
		st.Attachments = append(st.Attachments, at)
	}
	return st
}

func policy(set *tfres.Set, r *tfres.Resource) *organizations.Policy {
	b := r.Body
	name := b.String("name", "")
	p := &organizations.Policy{
		Resource:   r.Identity(name.Val()),
		PolicyName: name,
		Type:       b.String("type", organizations.ServiceControlPolicy),
		PolicyID:   model.Unresolved[string](b.Origin),
	}
	if p.IsAuthorization() {
		p.Document = iamadapt.Document(set, b, "content")
	} else {
		p.Document = iam.ParseDocument(model.Unresolved[string](b.Origin))
	}
	return p
}

// nodeRef reads the attribute name of b as a root, OU or account. A
// reference to an organization is its root only when read from its roots
// attribute; read from any other (master_account_id, id), what it names
// is not told here.
func nodeRef(set *tfres.Set, b *tfres.Block, name string) organizations.Ref {
	id := set.LinkID(b, name, nodeTypes)
	v, known := id.Get()
	if !known {
		return organizations.Ref{ID: id}
	}
	t := set.Get(v)
	if t == nil || !slices.ContainsFunc(b.Refs(name), func(ref tfres.Ref) bool { return ref.Address == v }) {
		return organizations.Ref{Kind: organizations.KindOf(v), ID: id}
	}
	switch t.Type {
	case unitType:
		return organizations.Ref{Kind: organizations.KindUnit, ID: id}
	case accountType:
		return organizations.Ref{Kind: organizations.KindAccount, ID: id}
	}
	if slices.Contains(b.Refs(name), tfres.Ref{Address: v, Attr: "roots"}) {
		return organizations.Ref{Kind: organizations.KindRoot, ID: id}
	}
	return organizations.Ref{ID: model.Unresolved[string](id.Origin)}
}

// defaultRoot is the parent of an account created without parent_id: the
// root of the organization, which is the one the source defines when it
// defines exactly one.
func defaultRoot(orgs []*organizations.Organization, o model.Origin) organizations.Ref {
	if len(orgs) == 1 {
		return organizations.Ref{Kind: organizations.KindRoot, ID: model.Default(orgs[0].ID, o)}
	}
	return organizations.Ref{Kind: organizations.KindRoot, ID: model.Default("", o)}
}
