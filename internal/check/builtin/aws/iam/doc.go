// Package iam holds the built-in checks on IAM identities, policies, trust
// policies, credentials and the account password policy.
//
// Policy checks read every permission policy the source declares (customer
// managed, inline, role inline_policy blocks), attributed to an identity or
// not, so a policy is judged on its content even when its target is unknown.
package iam
