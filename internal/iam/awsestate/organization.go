package awsestate

import (
	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
	orgs "github.com/vigil-sec/vigil/internal/model/aws/organizations"
)

// fullAWSAccess is the SCP AWS attaches to every root, OU and account when
// service control policies are enabled.
const fullAWSAccess = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`

// organization fills in the organization of every account whose ID the
// source knows: its organization ID, whether it is the management account,
// and the SCPs and RCPs at each level from the root down to it.
//
// An account's levels stay nil when its place in the hierarchy is not known
// up to the root, and for IaC, where account IDs are known only at apply
// time. A policy attached where it cannot be read (a policy outside the
// source, or an attachment whose target is not known, which may be any
// level) is a policy with an unknown document at the levels it may be at.
// When the source never names FullAWSAccess (IaC, which does not declare
// it), every level has it, as AWS attaches it.
func (b *builder) organization() {
	st := &b.st.Organizations
	if len(st.Organizations)+len(st.Accounts)+len(st.Attachments) == 0 {
		return
	}
	o := newOrgBuilder(b, st)
	for _, org := range st.Organizations {
		if id, ok := org.ManagementAccountID.Get(); ok && id != "" {
			acct := b.estateAccount(id)
			acct.Management = true
			acct.OrgID = org.OrganizationID.Val()
		}
	}
	for _, a := range st.Accounts {
		id, ok := a.AccountID.Get()
		if !ok || id == "" {
			continue
		}
		path, complete := st.Path(orgs.Ref{Kind: orgs.KindAccount, ID: model.Set(a.ID, a.Origin)})
		acct := b.estateAccount(id)
		org := o.orgOf(path[0])
		if org != nil {
			acct.OrgID = org.OrganizationID.Val()
		}
		if complete && !acct.Management {
			acct.Levels = o.levels(path, org)
		}
	}
}

// estateAccount returns the estate's account id, adding it when missing.
func (b *builder) estateAccount(id string) *iam.Account {
	acct := b.e.Accounts[id]
	if acct == nil {
		acct = &iam.Account{ID: id}
		b.e.Accounts[id] = acct
	}
	return acct
}

type orgBuilder struct {
	b  *builder
	st *orgs.State
	// node maps every ID a root, OU or account goes by (model ID, AWS ID)
	// to one key per node; at lists the attachments by target node key.
	node map[string]string
	at   map[string][]*orgs.Attachment
	// orgByID, units and accounts are the nodes the source defines, by key.
	orgByID  map[string]*orgs.Organization
	units    map[string]*orgs.Unit
	accounts map[string]*orgs.Account
	// anywhere are the attachments whose target is not known.
	anywhere []*orgs.Attachment
	// trackedFullAccess is true when the source names FullAWSAccess, so
	// that where it is not attached it is not.
	trackedFullAccess bool
	fullAccess        *iam.Policy
	policies          map[orgPolicyKey]*iam.Policy
}

type orgPolicyKey struct {
	kind iam.PolicyKind
	src  *orgs.Policy
	at   *orgs.Attachment
}

func newOrgBuilder(b *builder, st *orgs.State) *orgBuilder {
	o := &orgBuilder{
		b: b, st: st,
		node: map[string]string{}, at: map[string][]*orgs.Attachment{},
		orgByID: map[string]*orgs.Organization{}, units: map[string]*orgs.Unit{}, accounts: map[string]*orgs.Account{},
		policies: map[orgPolicyKey]*iam.Policy{},
	}
	alias := func(key string, ids ...model.String) {
		for _, id := range ids {
			if s, ok := id.Get(); ok && s != "" {
				o.node[s] = key
			}
		}
	}
	for _, org := range st.Organizations {
		o.node[org.ID], o.orgByID[org.ID] = org.ID, org
		alias(org.ID, org.RootID)
	}
	for _, u := range st.Units {
		o.node[u.ID], o.units[u.ID] = u.ID, u
		alias(u.ID, u.UnitID)
	}
	for _, a := range st.Accounts {
		o.node[a.ID], o.accounts[a.ID] = a.ID, a
		alias(a.ID, a.AccountID)
	}
	for _, at := range st.Attachments {
		if at.PolicyID.Is(orgs.FullAWSAccessID) || (at.Policy != nil && at.Policy.PolicyName.Is("FullAWSAccess")) {
			o.trackedFullAccess = true
		}
		id, ok := at.Target.ID.Get()
		if !ok {
			o.anywhere = append(o.anywhere, at)
			continue
		}
		o.at[o.key(id)] = append(o.at[o.key(id)], at)
	}
	o.fullAccess = iam.NewPolicy(iam.SCP, "FullAWSAccess", iammodel.ParseDocument(model.Default(fullAWSAccess, model.Origin{})))
	o.fullAccess.ARN = "arn:" + b.partition + ":organizations::aws:policy/service_control_policy/" + orgs.FullAWSAccessID
	return o
}

// key returns the node key of an ID.
func (o *orgBuilder) key(id string) string {
	if k, ok := o.node[id]; ok {
		return k
	}
	return id
}

// orgOf returns the organization whose root r names, or nil.
func (o *orgBuilder) orgOf(r orgs.Ref) *orgs.Organization {
	id, ok := r.ID.Get()
	if !ok || r.Kind != orgs.KindRoot {
		return nil
	}
	return o.orgByID[o.key(id)]
}

// levels returns the policies at each node of path, from the root down.
func (o *orgBuilder) levels(path []orgs.Ref, org *orgs.Organization) []iam.OrgLevel {
	scpOn, rcpOn := enabled(org, orgs.ServiceControlPolicy), enabled(org, orgs.ResourceControlPolicy)
	out := make([]iam.OrgLevel, len(path))
	for i, r := range path {
		lvl := iam.OrgLevel{Name: o.levelName(r)}
		if scpOn && !o.trackedFullAccess {
			lvl.SCPs = append(lvl.SCPs, o.fullAccess)
		}
		id, _ := r.ID.Get()
		for _, at := range o.at[o.key(id)] {
			o.add(&lvl, at, false)
		}
		for _, at := range o.anywhere {
			o.add(&lvl, at, true)
		}
		if !scpOn {
			lvl.SCPs = nil
		}
		if !rcpOn {
			lvl.RCPs = nil
		}
		out[i] = lvl
	}
	return out
}

// enabled reports whether policies of type typ may take effect in org: all
// features are on and the type is enabled in the root, or that is not
// known. Without the organization, that a policy of the type is attached
// says it is enabled.
func enabled(org *orgs.Organization, typ string) bool {
	if org == nil {
		return true
	}
	if org.FeatureSet.Is(orgs.FeatureSetConsolidatedBilling) {
		return false
	}
	return !org.EnabledPolicyTypes.Complete() || org.EnabledPolicyTypes.Contains(typ)
}

// add adds the policy an attachment attaches to lvl. A policy whose type or
// content is not known, or that may be attached elsewhere (unsure), goes
// in as an unknown policy of each type it may be.
func (o *orgBuilder) add(lvl *iam.OrgLevel, at *orgs.Attachment, unsure bool) {
	p := at.Policy
	switch {
	case p == nil && at.PolicyID.Is(orgs.FullAWSAccessID):
		if !unsure {
			lvl.SCPs = append(lvl.SCPs, o.fullAccess)
		}
	case p != nil && p.Type.Known() && !p.IsAuthorization():
		// Tag, backup and other policies do not authorize.
	case p != nil && p.Type.Is(orgs.ServiceControlPolicy):
		lvl.SCPs = append(lvl.SCPs, o.policy(iam.SCP, at, unsure))
	case p != nil && p.Type.Is(orgs.ResourceControlPolicy):
		lvl.RCPs = append(lvl.RCPs, o.policy(iam.RCP, at, unsure))
	default:
		lvl.SCPs = append(lvl.SCPs, o.policy(iam.SCP, at, true))
		lvl.RCPs = append(lvl.RCPs, o.policy(iam.RCP, at, true))
	}
}

// policy returns the policy of kind an attachment attaches, built once: the
// source's policy, or with unknown set one with an unknown document (per
// attachment).
func (o *orgBuilder) policy(kind iam.PolicyKind, at *orgs.Attachment, unknown bool) *iam.Policy {
	key := orgPolicyKey{kind: kind, src: at.Policy}
	if unknown || at.Policy == nil {
		key = orgPolicyKey{kind: kind, at: at}
	}
	if p := o.policies[key]; p != nil {
		return p
	}
	var p *iam.Policy
	if key.src != nil {
		name, ok := at.Policy.PolicyName.Get()
		if !ok || name == "" {
			name = at.Policy.Name
		}
		p = iam.NewPolicy(kind, name, at.Policy.Document)
		p.Source = at.Policy.Resource
	} else {
		name := at.PolicyID.Val()
		if at.Policy != nil {
			name = at.Policy.PolicyName.Val()
		}
		p = iam.NewPolicy(kind, name, unknownDocument(at.Resource.Origin))
		p.Source = at.Resource
	}
	o.policies[key] = p
	return p
}

// levelName names a level for reasons: "root", "OU prod", "account app".
func (o *orgBuilder) levelName(r orgs.Ref) string {
	id, _ := r.ID.Get()
	switch r.Kind {
	case orgs.KindRoot:
		return "root"
	case orgs.KindUnit:
		if u := o.units[o.key(id)]; u != nil {
			return "OU " + u.Name
		}
		return "OU " + id
	}
	if a := o.accounts[o.key(id)]; a != nil {
		return "account " + a.Name
	}
	return "account " + id
}
