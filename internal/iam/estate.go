package iam

import (
	"fmt"
	"strings"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// PrincipalType says what kind of principal makes a request.
type PrincipalType uint8

// Principal types. Users and roles are the principals an estate defines;
// the others appear in trust and resource policies.
const (
	User PrincipalType = iota + 1
	Role
	// Group is not a principal AWS authenticates, but escalation techniques
	// target groups (attach a policy to a group one belongs to).
	Group
	// Root is an account's root user; in a policy, naming the account
	// ("123456789012" or its root ARN) delegates to the account's identity
	// policies.
	Root
	Service
	Federated
	Anonymous
)

func (t PrincipalType) String() string {
	switch t {
	case User:
		return "user"
	case Role:
		return "role"
	case Group:
		return "group"
	case Root:
		return "root"
	case Service:
		return "service"
	case Federated:
		return "federated"
	case Anonymous:
		return "anonymous"
	}
	return "unknown"
}

// Principal is a user, role or group with everything that decides what it may
// do.
type Principal struct {
	Type PrincipalType
	// ARN is the principal's ARN. In IaC the account is often known only at
	// apply time; the estate then uses its Account placeholder so ARNs stay
	// comparable within the estate.
	ARN     string
	Account string
	// Name is the user, role or group name; Path its IAM path ("/" by default).
	Name string
	Path string
	// Resource is the model resource that declares the principal (an IaC
	// address or a live ARN), for findings.
	Resource model.Resource
	// Tags are the principal's tags (aws:PrincipalTag); TagsKnown is false
	// when some tag could not be resolved.
	Tags      map[string]string
	TagsKnown bool
	// Policies are the identity policies that apply: the principal's own
	// inline and attached policies and, for users, their groups'.
	Policies []*Policy
	// Groups are a user's groups, or nil.
	Groups []*Principal
	// Members are a group's users, or nil.
	Members []*Principal
	// Boundary is the permissions boundary, or nil when there is none.
	Boundary *Policy
	// Trust is a role's trust policy (who may assume it), or nil.
	Trust *Policy
	// InstanceProfiles are the ARNs of the instance profiles that hold a
	// role.
	InstanceProfiles []string
	// ServiceLinked marks service-linked roles, which SCPs do not affect.
	ServiceLinked bool
	// Complete is false when some policy that may apply could not be read:
	// an attachment that could not be attributed, a managed policy the
	// catalogue does not hold, a document that is not known. Analyses then
	// know the principal may have more permissions than they see.
	Complete bool

	pctx  principalContext
	perms permCache
}

// String names the principal as users write it: "role/app", "user/alice".
func (p *Principal) String() string {
	if p.Type == User || p.Type == Role || p.Type == Group {
		return p.Type.String() + "/" + p.Name
	}
	return p.ARN
}

// PolicyKind says what a policy governs.
type PolicyKind uint8

// Policy kinds.
const (
	// IdentityPolicy is an inline or managed policy of a user, group or role.
	IdentityPolicy PolicyKind = iota + 1
	// ResourcePolicy is a resource-based policy: a bucket, key or queue
	// policy, or a role's trust policy.
	ResourcePolicy
	BoundaryPolicy
	SCP
	RCP
	SessionPolicy
)

func (k PolicyKind) String() string {
	switch k {
	case IdentityPolicy:
		return "identity"
	case ResourcePolicy:
		return "resource"
	case BoundaryPolicy:
		return "permissions boundary"
	case SCP:
		return "SCP"
	case RCP:
		return "RCP"
	case SessionPolicy:
		return "session"
	}
	return "unknown"
}

// Policy is one policy document as the evaluator uses it: parsed, with where
// it comes from, and compiled for fast matching.
type Policy struct {
	Kind PolicyKind
	// Name is the policy's name (inline policy name, managed policy name,
	// SCP name) for display.
	Name string
	// ARN is a managed policy's or SCP's ARN, "" for inline policies.
	ARN string
	// Via names the group an identity policy is inherited from, or "".
	Via string
	// Source is the model resource that declares the policy or its
	// attachment, for findings.
	Source   model.Resource
	Document iammodel.Document
	// Versions holds a managed policy's non-default versions, where the
	// source knows them (live data): iam:SetDefaultPolicyVersion can make
	// any of them effective.
	Versions []iammodel.Document

	stmts []statement
	// denies: some statement may deny (Deny, or an Effect not known), so
	// the explicit-deny pass reads the policy.
	denies bool
	// unresolved: the document is not known (an IaC value resolved only at
	// apply time). It may allow anything; unless it is an identity policy,
	// it may deny anything too.
	unresolved bool
}

// NewPolicy compiles doc into a policy of the given kind.
func NewPolicy(kind PolicyKind, name string, doc iammodel.Document) *Policy {
	p := &Policy{Kind: kind, Name: name, Document: doc}
	p.compile()
	return p
}

// Inherited returns the policy as the members of a group inherit it: the
// same document and compiled statements, with Via naming the group
// ("group/ops").
func (p *Policy) Inherited(via string) *Policy {
	q := *p
	q.Via = via
	return &q
}

// Label names the policy for evidence: "policy AdminAccess (via group/ops)".
func (p *Policy) Label() string {
	name := "(unnamed)"
	switch {
	case p.Name != "":
		name = p.Name
	case p.ARN != "":
		name = p.ARN
	}
	if p.Via != "" {
		return p.Kind.String() + " policy " + name + " (via " + p.Via + ")"
	}
	return p.Kind.String() + " policy " + name
}

// OrgLevel is one level of an organization's hierarchy above an account (the
// root, each OU, the account itself) with the SCPs and RCPs attached there.
// AWS requires an allow at every level.
type OrgLevel struct {
	Name string
	SCPs []*Policy
	RCPs []*Policy
}

// Account is one AWS account of the estate.
type Account struct {
	ID string
	// OrgID is the organization's ID (aws:PrincipalOrgID), "" when unknown.
	OrgID string
	// Management marks the organization's management account, which SCPs and
	// RCPs do not affect.
	Management bool
	// Levels are the organization levels from the root down to the account;
	// nil when the account is in no organization or its policies are not
	// known, in which case SCPs and RCPs are not evaluated.
	Levels []OrgLevel
}

// Resource is a resource with a resource-based policy.
type Resource struct {
	ARN     string
	Account string
	// Type is the resource type as the model names it ("aws_s3_bucket").
	Type     string
	Resource model.Resource
	Tags     map[string]string
	Policy   *Policy
}

// WorkloadKind says what runs code with a role.
type WorkloadKind string

// Workloads that run with a role: an attacker who can run code on them, or
// change their code, acts as the role.
const (
	EC2Instance       WorkloadKind = "ec2-instance"
	LambdaFunction    WorkloadKind = "lambda-function"
	ECSTaskDefinition WorkloadKind = "ecs-task-definition"
	CodeBuildProject  WorkloadKind = "codebuild-project"
	GlueDevEndpoint   WorkloadKind = "glue-dev-endpoint"
	GlueJob           WorkloadKind = "glue-job"
	SageMakerNotebook WorkloadKind = "sagemaker-notebook"
	CloudFormation    WorkloadKind = "cloudformation-stack"
	StepFunction      WorkloadKind = "sfn-state-machine"
)

// Workload is something that runs with a role.
type Workload struct {
	Kind WorkloadKind
	// ARN is the workload's ARN in the estate's account naming.
	ARN      string
	Account  string
	Resource model.Resource
	Tags     map[string]string
	// Role is the role the workload runs as.
	Role *Principal
}

// Estate is the authorization view of one or more AWS accounts.
type Estate struct {
	Principals []*Principal
	Accounts   map[string]*Account
	Resources  []*Resource
	Workloads  []*Workload
	// Partition is "aws" unless the estate says otherwise.
	Partition string
	// Catalog is the action catalogue; nil uses the embedded one.
	Catalog *catalog.Catalog

	sets actionSets

	byARN      map[string]*Principal
	resByARN   map[string]*Resource
	indexDirty bool
}

// Add adds principals and indexes them by ARN.
func (e *Estate) Add(ps ...*Principal) {
	e.Principals = append(e.Principals, ps...)
	e.indexDirty = true
}

// AddResource adds a resource with a resource-based policy.
func (e *Estate) AddResource(rs ...*Resource) {
	e.Resources = append(e.Resources, rs...)
	e.indexDirty = true
}

func (e *Estate) index() {
	if !e.indexDirty && e.byARN != nil {
		return
	}
	e.byARN = make(map[string]*Principal, len(e.Principals))
	for _, p := range e.Principals {
		e.byARN[p.ARN] = p
	}
	e.resByARN = make(map[string]*Resource, len(e.Resources))
	for _, r := range e.Resources {
		e.resByARN[r.ARN] = r
	}
	e.indexDirty = false
}

// PrincipalByARN returns the principal with the given ARN, or nil.
func (e *Estate) PrincipalByARN(arn string) *Principal {
	e.index()
	return e.byARN[arn]
}

// ResourceByARN returns the resource with a resource-based policy at arn, or
// nil.
func (e *Estate) ResourceByARN(arn string) *Resource {
	e.index()
	return e.resByARN[arn]
}

// Find resolves what a user types to name a principal: a full ARN, the model
// resource ID ("aws_iam_role.app"), "role/app", "user/alice" or "group/ops"
// (with or without the IAM path: "role/team/app"), or a bare name when it is
// unique.
func (e *Estate) Find(sel string) (*Principal, error) {
	if p := e.PrincipalByARN(sel); p != nil {
		return p, nil
	}
	kind, rest, typed := strings.Cut(sel, "/")
	var found []*Principal
	for _, p := range e.Principals {
		switch {
		case p.Resource.ID == sel:
			return p, nil
		case !typed:
			if p.Name == sel {
				found = append(found, p)
			}
		case p.Type.String() != kind:
		case p.Name == rest || strings.TrimPrefix(p.Path, "/")+p.Name == rest:
			found = append(found, p)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return nil, fmt.Errorf("no principal %q in the estate", sel)
	}
	names := make([]string, 0, len(found))
	for _, p := range found {
		names = append(names, p.ARN)
	}
	return nil, fmt.Errorf("principal %q is ambiguous: %s", sel, strings.Join(names, ", "))
}
