package iam

import (
	"time"

	"github.com/vigil-sec/vigil/internal/model"
)

// State holds the IAM resources of an estate.
//
// Policies are reachable two ways: from each identity (what applies to this
// role?) and as flat lists (every inline policy and attachment the source
// declares, attributed or not), so a policy whose target could not be
// resolved is still judged on its own content.
//
// Pointers only lead away from identities (identity → attachment → policy),
// so the state is acyclic and serializes as is; links back to an identity
// are its resource ID, looked up with State.Identity.
type State struct {
	Users  []*User
	Groups []*Group
	Roles  []*Role
	// Policies are the customer managed policies the source defines.
	Policies []*Policy
	// AWSManagedPolicies are the AWS managed policies a live snapshot
	// includes, with their documents. IaC sources leave it empty: their
	// attachments name AWS managed policies by ARN only.
	AWSManagedPolicies []*Policy
	// InlinePolicies are every inline policy of a user, group or role.
	InlinePolicies []*InlinePolicy
	// Attachments are every managed policy attachment to a user, group or role.
	Attachments []*Attachment
	// Memberships are every user-in-group link.
	Memberships      []*Membership
	InstanceProfiles []*InstanceProfile
	AccessKeys       []*AccessKey
	LoginProfiles    []*LoginProfile
	// PasswordPolicies are the account password policies the source sets: one
	// per account, but a configuration may span several.
	PasswordPolicies []*PasswordPolicy
	OIDCProviders    []*OIDCProvider
	SAMLProviders    []*SAMLProvider
}

// Kind says which kind of identity a policy or membership refers to.
type Kind string

// Identity kinds.
const (
	KindUser  Kind = "user"
	KindGroup Kind = "group"
	KindRole  Kind = "role"
)

// Identity is what users, groups and roles share: a name, an ARN and the
// policies that give them permissions.
type Identity struct {
	model.Resource
	Kind Kind
	// IdentityName is the user, group or role name (Resource.Name is the
	// display name); unknown when generated at apply time (name_prefix).
	IdentityName model.String
	// ARN is the identity's ARN; unknown in IaC, where the account is only
	// known at apply time.
	ARN  model.String
	Path model.String
	// CreateDate is when the identity was created; unknown in IaC.
	CreateDate model.Value[time.Time]
	// InlinePolicies are the policies embedded in the identity.
	InlinePolicies []*InlinePolicy
	// AttachedPolicies are the managed policies attached to the identity.
	AttachedPolicies []*Attachment
	// PoliciesComplete is false when some inline policy or attachment of the
	// source names a target that could not be resolved: it might apply here.
	// It says nothing of policies attached outside the source.
	PoliciesComplete bool
}

// User is an IAM user.
type User struct {
	Identity
	// PermissionsBoundary is the ARN of the managed policy bounding the
	// user's permissions; "" when there is none.
	PermissionsBoundary model.String
	// BoundaryPolicy is the boundary policy when the source defines it (its
	// ARN is then often known only at apply time), else nil.
	BoundaryPolicy *Policy
	// Groups are the user's group memberships.
	Groups []*Membership
	// GroupsComplete is false when some membership could not be attributed.
	GroupsComplete bool
	AccessKeys     []*AccessKey
	LoginProfiles  []*LoginProfile
}

// Group is an IAM group.
type Group struct {
	Identity
	// Members are the group's memberships.
	Members []*Membership
	// MembersComplete is false when some membership could not be attributed.
	MembersComplete bool
}

// Role is an IAM role.
type Role struct {
	Identity
	// TrustPolicy is the assume-role policy: who may assume the role.
	TrustPolicy Document
	// MaxSessionDuration is in seconds (AWS default 3600).
	MaxSessionDuration model.Int
	// PermissionsBoundary is the ARN of the managed policy bounding the
	// role's permissions; "" when there is none.
	PermissionsBoundary model.String
	// BoundaryPolicy is the boundary policy when the source defines it (its
	// ARN is then often known only at apply time), else nil.
	BoundaryPolicy   *Policy
	InstanceProfiles []*InstanceProfile
	// LastUsed is when the role was last used to make a request, as AWS
	// records it: the zero time when AWS recorded no use in its tracking
	// period (the last 400 days). Unknown in IaC.
	LastUsed model.Value[time.Time]
}

// Policy is a managed policy: a customer managed policy the source defines,
// or an AWS managed policy a live snapshot includes.
type Policy struct {
	model.Resource
	PolicyName model.String
	// ARN is the policy's ARN; unknown in IaC.
	ARN  model.String
	Path model.String
	// Document is the policy's default version: the one in effect.
	Document Document
	// Versions are the policy's other versions, where the source knows them
	// (a live snapshot): iam:SetDefaultPolicyVersion can make any of them
	// the one in effect.
	Versions []Document
	// AWSManaged marks a policy AWS manages (its ARN's account is "aws").
	AWSManaged bool
}

// InlinePolicy is a policy embedded in one user, group or role.
type InlinePolicy struct {
	// Resource is the resource that declares the policy: an
	// aws_iam_role_policy, or the role itself for an inline_policy block.
	Resource   model.Resource
	PolicyName model.String
	Document   Document
	// TargetKind and TargetName say which identity the policy is declared
	// for; TargetID is that identity's resource ID when the source defines
	// it, "" otherwise.
	TargetKind Kind
	TargetName model.String
	TargetID   string
}

// Attachment attaches a managed policy to one user, group or role.
type Attachment struct {
	// Resource is the resource that declares the attachment: an
	// aws_iam_role_policy_attachment, or the role itself for
	// managed_policy_arns.
	Resource model.Resource
	// Origin is where the attachment is written within Resource.
	Origin model.Origin
	// PolicyARN is the attached policy's ARN; unknown when it is computed
	// (then Policy usually says which policy it is).
	PolicyARN model.String
	// Policy is the attached policy when the source defines it.
	Policy *Policy
	// TargetKind and TargetName say which identity the policy is attached
	// to; TargetID is that identity's resource ID when the source defines
	// it, "" otherwise.
	TargetKind Kind
	TargetName model.String
	TargetID   string
}

// Membership puts one user in one group.
type Membership struct {
	// Resource declares the membership (aws_iam_group_membership,
	// aws_iam_user_group_membership).
	Resource model.Resource
	Origin   model.Origin
	UserName model.String
	// UserID and GroupID are the resource IDs of the user and the group
	// when the source defines them.
	UserID    string
	GroupName model.String
	GroupID   string
}

// InstanceProfile passes a role to EC2 instances.
type InstanceProfile struct {
	model.Resource
	ProfileName model.String
	ARN         model.String
	RoleName    model.String
	// RoleID is the resource ID of the role when the source defines it.
	RoleID string
}

// AccessKey is a user's long-term access key.
type AccessKey struct {
	model.Resource
	UserName model.String
	// UserID is the resource ID of the user when the source defines it.
	UserID string
	// Status is "Active" or "Inactive".
	Status model.String
	// PGPKey is the public key the secret is encrypted with where the
	// deployment tool records it (Terraform state); "" when it is recorded in
	// plain text. Unknown for live keys.
	PGPKey model.String
}

// LoginProfile gives a user a console password.
type LoginProfile struct {
	model.Resource
	UserName model.String
	// UserID is the resource ID of the user when the source defines it.
	UserID string
	// PasswordResetRequired forces a new password at first sign-in.
	PasswordResetRequired model.Bool
	// PGPKey is the public key the generated password is encrypted with
	// where the deployment tool records it; "" when it is recorded in plain
	// text. Unknown for live profiles.
	PGPKey model.String
}

// PasswordPolicy is an account's password policy.
type PasswordPolicy struct {
	model.Resource
	MinimumLength    model.Int
	RequireUppercase model.Bool
	RequireLowercase model.Bool
	RequireNumbers   model.Bool
	RequireSymbols   model.Bool
	// MaxAgeDays is how long a password is valid; 0 means it never expires.
	MaxAgeDays model.Int
	// ReusePrevention is how many previous passwords cannot be reused; 0
	// means any can.
	ReusePrevention    model.Int
	AllowUsersToChange model.Bool
	// HardExpiry stops users from changing an expired password themselves.
	HardExpiry model.Bool
}

// OIDCProvider is an OpenID Connect identity provider roles can trust.
type OIDCProvider struct {
	model.Resource
	// URL is the issuer URL, e.g. "https://token.actions.githubusercontent.com".
	URL         model.String
	ARN         model.String
	ClientIDs   model.List[string]
	Thumbprints model.List[string]
}

// SAMLProvider is a SAML identity provider roles can trust.
type SAMLProvider struct {
	model.Resource
	ProviderName model.String
	ARN          model.String
}

// Identity returns the user, group or role with resource ID id, or nil.
func (s *State) Identity(id string) *Identity {
	if id == "" {
		return nil
	}
	for _, u := range s.Users {
		if u.ID == id {
			return &u.Identity
		}
	}
	for _, g := range s.Groups {
		if g.ID == id {
			return &g.Identity
		}
	}
	for _, r := range s.Roles {
		if r.ID == id {
			return &r.Identity
		}
	}
	return nil
}
