package iam

import (
	"github.com/vigil-sec/vigil/internal/iam/condition"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// Request is one authorization question: may Principal perform Action on
// Resource?
type Request struct {
	Principal *Principal
	// Action is "service:Name", e.g. "s3:GetObject".
	Action string
	// Resource is the resource ARN, or "*" for actions that take none.
	Resource string
	// ResourceAccount is the account that owns the resource; "" derives it
	// from the ARN, or from a resource the estate knows, or takes the
	// principal's account for ARNs without one (S3 buckets).
	ResourceAccount string
	// ResourcePolicy is the resource's resource-based policy; nil looks it
	// up in the estate by Resource (for sts:AssumeRole, the role's trust
	// policy).
	ResourcePolicy *Policy
	// Session is the session policy passed when the role was assumed (or
	// the federation token was issued), or nil.
	Session *Policy
	// Context holds request context keys. The evaluator adds what it knows
	// of the principal and the resource (aws:PrincipalArn,
	// aws:PrincipalAccount, aws:PrincipalTag/..., aws:username,
	// aws:ResourceAccount, aws:ResourceTag/..., ...) unless Context sets
	// them. nil is an empty, open context: every other key is unknown. Its
	// own keys are read, not its Parent's: the estate's layers go there.
	Context *condition.Context
}

// Effect is an authorization outcome.
type Effect uint8

// Effects.
const (
	// ImplicitDeny: nothing allows the request.
	ImplicitDeny Effect = iota
	Allow
	ExplicitDeny
)

func (e Effect) String() string {
	switch e {
	case Allow:
		return "allow"
	case ExplicitDeny:
		return "explicit deny"
	}
	return "implicit deny"
}

// StatementRef points at one statement of one policy.
type StatementRef struct {
	Policy *Policy
	// Index is the statement's position in Policy.Document.Statements, or
	// WholePolicy for a policy whose document is not known.
	Index int
}

// WholePolicy is the StatementRef.Index of a policy whose statements are
// not known.
const WholePolicy = -1

// Statement returns the statement referred to; the zero Statement for
// WholePolicy.
func (r StatementRef) Statement() iammodel.Statement {
	if r.Index < 0 || r.Index >= len(r.Policy.Document.Statements) {
		return iammodel.Statement{}
	}
	return r.Policy.Document.Statements[r.Index]
}

// Caveat is a condition the decision rests on whose value is not known.
type Caveat struct {
	StatementRef
	Condition iammodel.Condition
	// Unless is true for a Deny statement's condition: the request is denied
	// if the condition holds. Otherwise an Allow rests on it.
	Unless bool
}

// Decision is the evaluator's answer.
type Decision struct {
	// Effect is the outcome if every Caveat goes the way that allows: for a
	// conditional Allow, "allowed if" the caveats hold (and the Unless ones
	// do not).
	Effect Effect
	// Conditional reports that the outcome rests on Caveats: request context
	// not known. A Conditional ImplicitDeny or ExplicitDeny never happens:
	// denials are only reported when they are certain.
	Conditional bool
	Caveats     []Caveat
	// Allowed lists the statements that allow the request in each policy
	// type that had to allow it (for a conditional Allow, those that allow
	// if their caveats hold); Denied the statements that deny it.
	Allowed []StatementRef
	Denied  []StatementRef
	// Reason says in a sentence why, e.g. "no identity-based policy allows
	// s3:GetObject" or "explicitly denied by SCP DenyLeaving".
	Reason string
}

// IsAllowed reports whether the request is allowed, at least under some
// values of the unknown context.
func (d Decision) IsAllowed() bool { return d.Effect == Allow }

// Certain reports whether the request is allowed whatever the unknown
// context holds.
func (d Decision) Certain() bool { return d.Effect == Allow && !d.Conditional }
