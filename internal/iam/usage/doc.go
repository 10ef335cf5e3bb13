// Package usage derives least privilege from what principals really did: it
// reads CloudTrail log files, attributes each API call to the IAM user or
// role whose policies authorized it, maps the call to the IAM action (and,
// where the log says, the resources) it needed, and from that usage writes a
// minimal identity policy or compares usage with what is granted.
//
// It never invents an action: every mapped action is checked against the
// embedded catalogue, and calls that map to no known action are reported as
// unmapped. A resource the log does not name stays unknown, and the policy
// then says "*" for that action and why.
//
// Log files are read through an fs.FS, so a caller that opens the tree with
// os.OpenRoot cannot be led outside it; a malformed or oversized file is a
// diagnostic and the rest is still read.
//
// It imports the standard library, x/sync/errgroup, the model and
// iam/catalog only: no sources, checks or outputs, and not the evaluator (the
// caller passes what a principal is granted as a predicate).
package usage
