// Package escalation finds privilege-escalation paths: which principals of
// an estate can become administrator, and by the shortest chain of known
// techniques (assume a role, create another user's access key, pass a role
// to a new Lambda function, attach a policy to oneself, ...).
//
// The graph's nodes are the estate's users and roles; its targets are the
// admin-equivalent principals (iam.Estate.IsAdmin). An edge is one technique
// whose every step the evaluator allows; it is Conditional when a step is
// allowed only under request context nobody knows, and it never rests on a
// value the source could not resolve. A principal that changes its own
// permissions has an edge to nil (it grants itself administrator), possibly
// after edges to itself (it writes a policy, then deletes the boundary that
// limited it). Self-grants are judged by what-if: the change is applied to
// a copy of the principal and the evaluator asked whether the copy is
// administrator, so boundaries, Deny statements and SCPs count as they do for
// the real one.
//
// Paths are found backwards from the targets, cheapest first: fewest
// conditional edges, then fewest edges. For each target only the principals
// whose policies could grant a step on the target's resource are looked at
// (an index of resource patterns per action, built on first use), so large
// estates stay fast; the evaluator decides every step.
//
// It imports the iam engine, its condition package and the model only.
package escalation
