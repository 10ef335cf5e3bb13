// Package validate checks IAM policy documents the way IAM Access Analyzer's
// ValidatePolicy does: grammar (JSON syntax, elements, Version, Effect,
// Principal rules per policy kind), vocabulary (services, actions and
// condition keys against the embedded catalogue, condition operators and
// their value types, ARN formats, policy variables), security warnings
// (iam:PassRole on every role, NotPrincipal, NotAction or NotResource with
// Allow, ForAllValues on single-valued keys) and suggestions (empty arrays,
// redundant actions, resources and statements). Each finding carries Access
// Analyzer's issue code where it has one and the line and column of the
// part at fault.
//
// Codes Access Analyzer does not have are Vigil's own, named in its style and
// listed in codes.go as such. A finding is raised only on what is known to
// be wrong: an unknown condition key of a federated identity provider, a
// service missing from the catalogue's ARN formats or a value holding a
// policy variable is not reported.
//
// It imports the model, the catalogue and the condition package only.
package validate
