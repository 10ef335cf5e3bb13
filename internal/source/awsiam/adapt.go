package awsiam

import (
	"strings"
	"time"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// api is the operation every value comes from.
const api = "iam:GetAccountAuthorizationDetails"

// Resource types, as CloudFormation names them.
const (
	typeUser            = "AWS::IAM::User"
	typeGroup           = "AWS::IAM::Group"
	typeRole            = "AWS::IAM::Role"
	typePolicy          = "AWS::IAM::ManagedPolicy"
	typeInstanceProfile = "AWS::IAM::InstanceProfile"
)

type adapter struct {
	file  model.Range
	diags model.Diagnostics
	st    iam.State
	// policies are the managed policies by ARN; groups the groups by name,
	// as a user's GroupList names them.
	policies map[string]*iam.Policy
	groups   map[string]*iam.Group
}

// adapt builds the IAM state from a parsed snapshot. Groups' member lists
// are complete only when the snapshot holds every user.
func adapt(snap *snapshot, name string) (iam.State, model.Diagnostics) {
	a := &adapter{file: model.Range{File: name}, policies: map[string]*iam.Policy{}, groups: map[string]*iam.Group{}}
	truncated := snap.IsTruncated || snap.Marker != "" || snap.NextToken != ""
	if truncated {
		a.diags.Warnf(a.file, "IAM snapshot is truncated: the users, groups, roles and policies of later pages are missing; save all pages (no --max-items)")
	}
	a.managedPolicies(deref(snap.Policies))
	a.groupList(deref(snap.GroupDetailList))
	a.users(deref(snap.UserDetailList))
	a.roles(deref(snap.RoleDetailList))
	membersComplete := !truncated && snap.UserDetailList != nil
	for _, g := range a.st.Groups {
		g.MembersComplete = membersComplete
	}
	return a.st, a.diags
}

func deref[T any](p *[]T) []T {
	if p == nil {
		return nil
	}
	return *p
}

// origin is where every value about the entity arn comes from.
func origin(arn string) model.Origin { return model.Origin{API: api, ARN: arn} }

// given is a string the snapshot gives, unknown when it leaves it out.
func given(s string, o model.Origin) model.String {
	if s == "" {
		return model.Unresolved[string](o)
	}
	return model.Set(s, o)
}

func tags(ts []tag, o model.Origin) model.Map[string] {
	m := model.Map[string]{Entries: map[string]model.String{}, Meta: model.Meta{Origin: o, Certainty: model.Explicit}}
	for _, t := range ts {
		m.Entries[t.Key] = model.Set(t.Value, o)
	}
	return m
}

// date reads a timestamp: unknown when absent or unreadable (reported).
func (a *adapter) date(ts timestamp, o model.Origin, what string) model.Value[time.Time] {
	switch {
	case !ts.present:
		return model.Unresolved[time.Time](o)
	case !ts.ok:
		a.diags.Warnf(a.file, "%s of %s is not a date: %s; it is unknown", what, o.ARN, ts.raw)
		return model.Unresolved[time.Time](o)
	}
	return model.Set(ts.t, o)
}

// identity builds what users, groups and roles share. ok is false, and the
// entity reported and left out, when the snapshot does not name it.
func (a *adapter) identity(kind iam.Kind, typ, name, arn, path string, created timestamp) (id iam.Identity, ok bool) {
	if arn == "" || name == "" {
		a.diags.Warnf(a.file, "IAM snapshot: a %s without a name or Arn is left out (name %q, Arn %q)", kind, name, arn)
		return id, false
	}
	o := origin(arn)
	return iam.Identity{
		Resource:         model.Resource{ID: arn, Type: typ, Name: name, Origin: o},
		Kind:             kind,
		IdentityName:     model.Set(name, o),
		ARN:              model.Set(arn, o),
		Path:             given(path, o),
		CreateDate:       a.date(created, o, "CreateDate"),
		PoliciesComplete: true,
	}, true
}

// boundary reads a permissions boundary; an entity without one has none.
func boundary(b *permissionsBound, o model.Origin) model.String {
	if b == nil {
		return model.Set("", o)
	}
	return given(b.PermissionsBoundaryArn, o)
}

func (a *adapter) managedPolicies(list []policyDetail) {
	for _, d := range list {
		if d.Arn == "" {
			a.diags.Warnf(a.file, "IAM snapshot: a policy without an Arn is left out (name %q)", d.PolicyName)
			continue
		}
		o := origin(d.Arn)
		p := &iam.Policy{
			Resource:   model.Resource{ID: d.Arn, Type: typePolicy, Name: d.PolicyName, Origin: o},
			PolicyName: given(d.PolicyName, o),
			ARN:        model.Set(d.Arn, o),
			Path:       given(d.Path, o),
			Document:   iam.ParseDocument(model.Unresolved[string](o)),
			AWSManaged: awsManaged(d.Arn),
		}
		for _, v := range d.PolicyVersionList {
			doc := document(v.Document, o)
			if v.IsDefaultVersion || (d.DefaultVersionID != "" && v.VersionID == d.DefaultVersionID) {
				p.Document = doc
			} else {
				p.Versions = append(p.Versions, doc)
			}
		}
		a.policies[d.Arn] = p
		if p.AWSManaged {
			a.st.AWSManagedPolicies = append(a.st.AWSManagedPolicies, p)
		} else {
			a.st.Policies = append(a.st.Policies, p)
		}
	}
}

// awsManaged reports whether arn names an AWS managed policy, in any
// partition.
func awsManaged(arn string) bool {
	partition, _, ok := strings.Cut(strings.TrimPrefix(arn, "arn:"), ":iam::aws:policy/")
	return ok && strings.HasPrefix(arn, "arn:") && !strings.Contains(partition, ":")
}

// identityPolicies joins an identity's inline policies and managed policy
// attachments to it.
func (a *adapter) identityPolicies(id *iam.Identity, inline []inlinePolicy, attached []attachedPolicy) {
	for _, d := range inline {
		p := &iam.InlinePolicy{
			Resource:   id.Resource,
			PolicyName: given(d.PolicyName, id.Origin),
			Document:   document(d.PolicyDocument, id.Origin),
			TargetKind: id.Kind,
			TargetName: id.IdentityName,
			TargetID:   id.ID,
		}
		id.InlinePolicies = append(id.InlinePolicies, p)
		a.st.InlinePolicies = append(a.st.InlinePolicies, p)
	}
	for _, d := range attached {
		at := &iam.Attachment{
			Resource:   id.Resource,
			Origin:     id.Origin,
			PolicyARN:  given(d.PolicyArn, id.Origin),
			Policy:     a.policies[d.PolicyArn],
			TargetKind: id.Kind,
			TargetName: id.IdentityName,
			TargetID:   id.ID,
		}
		id.AttachedPolicies = append(id.AttachedPolicies, at)
		a.st.Attachments = append(a.st.Attachments, at)
	}
}

func (a *adapter) groupList(list []groupDetail) {
	for _, d := range list {
		id, ok := a.identity(iam.KindGroup, typeGroup, d.GroupName, d.Arn, d.Path, d.CreateDate)
		if !ok {
			continue
		}
		// Groups cannot be tagged.
		id.Tags = model.Map[string]{Meta: model.Meta{Origin: id.Origin, Certainty: model.Defaulted}}
		g := &iam.Group{Identity: id}
		a.identityPolicies(&g.Identity, d.GroupPolicyList, d.AttachedManagedPolicies)
		a.groups[d.GroupName] = g
		a.st.Groups = append(a.st.Groups, g)
	}
}

func (a *adapter) users(list []userDetail) {
	for _, d := range list {
		id, ok := a.identity(iam.KindUser, typeUser, d.UserName, d.Arn, d.Path, d.CreateDate)
		if !ok {
			continue
		}
		id.Tags = tags(d.Tags, id.Origin)
		u := &iam.User{Identity: id, PermissionsBoundary: boundary(d.PermissionsBoundary, id.Origin), GroupsComplete: true}
		a.identityPolicies(&u.Identity, d.UserPolicyList, d.AttachedManagedPolicies)
		for _, name := range d.GroupList {
			m := &iam.Membership{
				Resource:  u.Resource,
				Origin:    u.Origin,
				UserName:  u.IdentityName,
				UserID:    u.ID,
				GroupName: given(name, u.Origin),
			}
			if g := a.groups[name]; g != nil {
				m.GroupID = g.ID
				g.Members = append(g.Members, m)
			}
			u.Groups = append(u.Groups, m)
			a.st.Memberships = append(a.st.Memberships, m)
		}
		a.st.Users = append(a.st.Users, u)
	}
}

func (a *adapter) roles(list []roleDetail) {
	for _, d := range list {
		id, ok := a.identity(iam.KindRole, typeRole, d.RoleName, d.Arn, d.Path, d.CreateDate)
		if !ok {
			continue
		}
		id.Tags = tags(d.Tags, id.Origin)
		r := &iam.Role{
			Identity:    id,
			TrustPolicy: document(d.AssumeRolePolicyDocument, id.Origin),
			// GAAD does not return it.
			MaxSessionDuration:  model.Unresolved[int](id.Origin),
			PermissionsBoundary: boundary(d.PermissionsBoundary, id.Origin),
			LastUsed:            model.Unresolved[time.Time](id.Origin),
		}
		if d.RoleLastUsed != nil {
			// An empty RoleLastUsed is a role with no recorded use.
			r.LastUsed = model.Set(time.Time{}, id.Origin)
			if d.RoleLastUsed.LastUsedDate.present {
				r.LastUsed = a.date(d.RoleLastUsed.LastUsedDate, id.Origin, "RoleLastUsed.LastUsedDate")
			}
		}
		a.identityPolicies(&r.Identity, d.RolePolicyList, d.AttachedManagedPolicies)
		for _, ip := range d.InstanceProfileList {
			if ip.Arn == "" {
				a.diags.Warnf(a.file, "IAM snapshot: an instance profile of %s without an Arn is left out", d.Arn)
				continue
			}
			o := origin(ip.Arn)
			p := &iam.InstanceProfile{
				Resource:    model.Resource{ID: ip.Arn, Type: typeInstanceProfile, Name: ip.InstanceProfileName, Origin: o, Tags: tags(ip.Tags, o)},
				ProfileName: given(ip.InstanceProfileName, o),
				ARN:         model.Set(ip.Arn, o),
				RoleName:    r.IdentityName,
				RoleID:      r.ID,
			}
			r.InstanceProfiles = append(r.InstanceProfiles, p)
			a.st.InstanceProfiles = append(a.st.InstanceProfiles, p)
		}
		a.st.Roles = append(a.st.Roles, r)
	}
}
