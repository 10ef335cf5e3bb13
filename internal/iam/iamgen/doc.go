// Package iamgen generates realistic AWS estates of any size from a seed,
// for benchmarks and tests of the identity engine: accounts in an
// organization, users in groups, service and cross-account roles with trust
// policies, customer managed and inline policies mixing narrow grants,
// wildcards, NotAction, conditions and Deny statements, AWS managed policy
// attachments, permissions boundaries, workloads running with roles, a few
// administrators and a sprinkling of the misconfigurations that let
// principals escalate.
//
// It is test infrastructure: only tests and benchmarks import it. It
// imports the iam engine, its catalogue (for AWS managed policy documents)
// and the model.
package iamgen
