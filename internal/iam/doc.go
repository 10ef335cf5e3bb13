// Package iam is Vigil's AWS identity engine: it decides whether a principal
// may perform an action on a resource exactly as AWS documents its policy
// evaluation logic (explicit deny, SCPs and RCPs, resource-based policies and
// the cross-account rules, identity policies, permissions boundaries, session
// policies), and says "allowed if ..." rather than guessing when a decision
// rests on request context nobody knows.
//
// An Estate is the authorization view of one or more accounts: principals
// with their identity policies and boundaries, resource-based policies, the
// organization's SCPs and RCPs, and the workloads that run with roles. It is
// built from the typed model (package awsestate) and analysed by the
// subpackages: catalog (every AWS action, embedded), condition (condition
// operators and policy variables), escalation (privilege-escalation paths),
// usage (least privilege from CloudTrail) and validate (policy validation).
//
// Policy documents themselves are modelled once, in model/aws/iam; this
// package compiles them for fast evaluation. It imports the model and its own
// subpackages only: no sources, checks or outputs.
package iam
