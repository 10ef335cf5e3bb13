package organizations

import (
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// State holds the Organizations resources of an estate.
//
// Policies attached outside the source are not listed. In particular, AWS
// attaches FullAWSAccess to the root and to every OU and account when
// service control policies are enabled; it appears here only where the
// source attaches it.
type State struct {
	Organizations []*Organization
	Units         []*Unit
	Accounts      []*Account
	Policies      []*Policy
	// Attachments are every policy attachment the source declares, whether
	// or not its policy and target are defined by the source.
	Attachments []*Attachment
}

// Policy types, as the Organizations API spells them.
const (
	ServiceControlPolicy  = "SERVICE_CONTROL_POLICY"
	ResourceControlPolicy = "RESOURCE_CONTROL_POLICY"
)

// Feature sets of an organization.
const (
	// FeatureSetAll enables every feature, policies included.
	FeatureSetAll = "ALL"
	// FeatureSetConsolidatedBilling enables billing features only: no
	// policy of any type takes effect.
	FeatureSetConsolidatedBilling = "CONSOLIDATED_BILLING"
)

// FullAWSAccessID is the ID of the AWS managed SCP that allows every action,
// which AWS attaches to every root, OU and account when service control
// policies are enabled.
const FullAWSAccessID = "p-FullAWSAccess"

// Organization is an AWS organization, which also stands for its root: a
// Ref to the root of an organization the source defines names the
// Organization's resource ID.
type Organization struct {
	model.Resource
	// FeatureSet is FeatureSetAll (the default) or
	// FeatureSetConsolidatedBilling.
	FeatureSet model.String
	// EnabledPolicyTypes are the policy types enabled in the root
	// ("SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY", "TAG_POLICY",
	// ...); none by default. Policies of a type not enabled have no effect.
	EnabledPolicyTypes model.List[string]
	// OrganizationID is the organization's ID ("o-a1b2c3d4e5"); unknown in
	// IaC.
	OrganizationID model.String
	// RootID is the AWS ID of the organization's root ("r-a1b2"); unknown in
	// IaC.
	RootID model.String
	// ManagementAccountID is the ID of the management account, which no SCP
	// or RCP affects; unknown in IaC.
	ManagementAccountID model.String
}

// NodeKind says what a node of an organization's hierarchy is.
type NodeKind string

// Node kinds.
const (
	KindRoot    NodeKind = "root"
	KindUnit    NodeKind = "organizational_unit"
	KindAccount NodeKind = "account"
)

// Ref names a node of an organization's hierarchy: a root, an OU or an
// account.
type Ref struct {
	// Kind is what the node is; "" when that cannot be told (ID is unknown,
	// or a literal that is no AWS ID of a root, OU or account).
	Kind NodeKind
	// ID is the node's model ID when the source defines the node: the OU's
	// or account's resource ID, or for a root its Organization's. A node
	// the source only reads (a data source) is named by the data source's
	// address. Any other known value is the node's AWS ID as written
	// ("r-a1b2", "ou-a1b2-c3d4e5f6", "111122223333"), outside the source.
	// ID is unknown when it cannot be resolved, and "" when the node is the
	// root of an organization the source does not define.
	ID model.String
}

// Unit is an organizational unit.
type Unit struct {
	model.Resource
	UnitName model.String
	// UnitID is the OU's AWS ID ("ou-a1b2-c3d4e5f6"); unknown in IaC.
	UnitID model.String
	// Parent is the root or OU the unit is in.
	Parent Ref
}

// Account is a member account of an organization.
type Account struct {
	model.Resource
	AccountName model.String
	Email       model.String
	// AccountID is the 12-digit account ID; unknown in IaC.
	AccountID model.String
	// Parent is the root or OU the account is in; an account created
	// without one is in the root.
	Parent Ref
	// AccessRoleName is the role Organizations creates in an account it
	// creates, which trusts the management account and grants administrator
	// access ("OrganizationAccountAccessRole" by default).
	AccessRoleName model.String
}

// Policy is an Organizations policy.
type Policy struct {
	model.Resource
	PolicyName model.String
	// Type is the policy type: ServiceControlPolicy (the default),
	// ResourceControlPolicy, "TAG_POLICY", "BACKUP_POLICY",
	// "AISERVICES_OPT_OUT_POLICY", ...
	Type model.String
	// PolicyID is the policy's AWS ID ("p-a1b2c3d4"); unknown in IaC.
	PolicyID model.String
	// Document is the content of an SCP or RCP, which is written in the IAM
	// policy language. For other types, whose content has a syntax of its
	// own, and for a type that is not known, it is an unknown Document.
	Document iam.Document
}

// IsAuthorization reports whether the policy is known to be an SCP or an
// RCP: a policy that limits what principals or resources may do.
func (p *Policy) IsAuthorization() bool {
	return p.Type.IsOneOf(ServiceControlPolicy, ResourceControlPolicy)
}

// Attachment attaches one policy to one root, OU or account.
type Attachment struct {
	// Resource is the resource that declares the attachment.
	Resource model.Resource
	// PolicyID names the attached policy: its model ID when the source
	// defines it (or the address of a data source reading it), else the
	// AWS policy ID as written (FullAWSAccessID, say); unknown when it
	// cannot be resolved.
	PolicyID model.String
	// Policy is the attached policy when the source defines it.
	Policy *Policy
	// Target is the root, OU or account the policy is attached to.
	Target Ref
}

// Organization returns the organization with resource ID id, or nil.
func (s *State) Organization(id string) *Organization {
	for _, o := range s.Organizations {
		if id != "" && o.ID == id {
			return o
		}
	}
	return nil
}

// Unit returns the OU with resource ID id, or nil.
func (s *State) Unit(id string) *Unit {
	for _, u := range s.Units {
		if id != "" && u.ID == id {
			return u
		}
	}
	return nil
}

// Account returns the account with resource ID id, or nil.
func (s *State) Account(id string) *Account {
	for _, a := range s.Accounts {
		if id != "" && a.ID == id {
			return a
		}
	}
	return nil
}

// Path returns the nodes from the root down to r, r included, following the
// parents of the OUs and accounts the source defines. complete reports that
// the path reaches a root; it is false when it stops at a node the source
// does not define, at an unknown parent, or at a cycle.
func (s *State) Path(r Ref) (path []Ref, complete bool) {
	seen := map[string]bool{}
	for r.Kind != KindRoot {
		path = append(path, r)
		id, known := r.ID.Get()
		parent, ok := s.parent(r.Kind, id)
		if !known || !ok || seen[id] {
			slices.Reverse(path)
			return path, false
		}
		seen[id] = true
		r = parent
	}
	path = append(path, r)
	slices.Reverse(path)
	return path, true
}

// parent returns the parent of the OU or account with resource ID id, when
// the source defines it.
func (s *State) parent(kind NodeKind, id string) (Ref, bool) {
	switch kind {
	case KindUnit:
		if u := s.Unit(id); u != nil {
			return u.Parent, true
		}
	case KindAccount:
		if a := s.Account(id); a != nil {
			return a.Parent, true
		}
	}
	return Ref{}, false
}

// KindOf tells the kind of node an AWS ID names by its format: "r-" and 4
// to 32 lower-case letters or digits for a root, "ou-", that and a "-" and
// 8 to 32 more for an OU, 12 digits for an account; "" for anything else.
func KindOf(id string) NodeKind {
	switch {
	case len(id) == 12 && strings.Trim(id, "0123456789") == "":
		return KindAccount
	case strings.HasPrefix(id, "r-") && idPart(id[2:], 4):
		return KindRoot
	case strings.HasPrefix(id, "ou-"):
		root, unit, ok := strings.Cut(id[3:], "-")
		if ok && idPart(root, 4) && idPart(unit, 8) {
			return KindUnit
		}
	}
	return ""
}

// idPart reports whether s is min to 32 lower-case letters or digits.
func idPart(s string, min int) bool {
	return len(s) >= min && len(s) <= 32 && strings.Trim(s, "0123456789abcdefghijklmnopqrstuvwxyz") == ""
}
