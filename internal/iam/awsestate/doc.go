// Package awsestate builds the identity engine's view of an AWS estate, an
// *iam.Estate, from the typed model (*aws.State): principals with the
// identity policies that apply to them (inline, attached, inherited from
// groups), permissions boundaries and trust policies; the resources that have
// resource-based policies; the workloads that run with roles; and the
// accounts.
//
// It resolves what the model only names: AWS managed policies come from the
// embedded catalogue, customer managed policies from the model, instance
// profiles and role ARNs from the principals built. What it cannot resolve it
// keeps as unknown (a policy whose Document is not Known, a principal whose
// Complete is false), never as absent.
//
// It imports the model, package iam and iam/catalog only: no sources, checks
// or outputs.
package awsestate
