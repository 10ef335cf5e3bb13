package iam

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

var userDirectPolicies = &check.Check{
	ID:       "AWS-IAM-011",
	Slug:     "aws-iam-user-direct-policy",
	Title:    "IAM user has policies attached directly",
	Provider: "aws",
	Service:  "iam",
	Severity: check.Low,
	Description: "An inline policy or managed policy attachment targets an IAM user instead of a group or a role the " +
		"user assumes.",
	Rationale: "Permissions given user by user drift apart and are forgotten when people change teams; granting them " +
		"through groups keeps one place to review and revoke access.",
	Remediation: check.Remediation{
		Text: "Attach the policy to a group and add the user to it, or move the workload to a role.",
		Terraform: `resource "aws_iam_group_policy_attachment" "developers" {
  group      = aws_iam_group.developers.name
  policy_arn = aws_iam_policy.developer.arn
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.developers.name]
}`,
	},
	References: []string{"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkCISAWS30, ID: "1.15"},
		{Framework: check.FrameworkNIST80053, ID: "AC-2"},
		{Framework: check.FrameworkNIST80053, ID: "AC-6"},
		{Framework: check.FrameworkSOC2, ID: "CC6.3"},
		{Framework: check.FrameworkISO27001, ID: "A.5.15"},
	},
	Equivalents: check.Equivalents{AVD: []string{"AVD-AWS-0143"}, Tfsec: []string{"aws-iam-no-user-attached-policies"}, Checkov: []string{"CKV_AWS_40"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		st := &in.AWS.IAM
		for _, p := range st.InlinePolicies {
			if p.TargetKind == iam.KindUser {
				target := st.Identity(p.TargetID)
				r.Fail(targetOr(target, p.Resource), p.Resource.Origin, "User %s has an inline policy.", identityName(target, p.TargetName))
			}
		}
		for _, a := range st.Attachments {
			if a.TargetKind == iam.KindUser {
				target := st.Identity(a.TargetID)
				r.Fail(targetOr(target, a.Resource), a.Origin, "User %s has the policy %s attached directly.", identityName(target, a.TargetName), policyName(a))
			}
		}
		for _, u := range st.Users {
			if u.PoliciesComplete && len(u.InlinePolicies) == 0 && len(u.AttachedPolicies) == 0 {
				r.Pass(u.Resource)
			}
		}
	},
}

// targetOr returns the identity's resource, or fallback when the identity is
// not defined by the source.
func targetOr(id *iam.Identity, fallback model.Resource) model.Resource {
	if id != nil {
		return id.Resource
	}
	return fallback
}

func identityName(id *iam.Identity, name model.String) string {
	if id != nil {
		return id.Name
	}
	if n, ok := name.Get(); ok {
		return n
	}
	return "(unknown)"
}

// policyName names an attached policy for messages.
func policyName(a *iam.Attachment) string {
	switch {
	case a.PolicyARN.Known():
		return a.PolicyARN.Val()
	case a.Policy != nil:
		return a.Policy.Name
	}
	return "(unknown)"
}

var administratorAccess = &check.Check{
	ID:          "AWS-IAM-015",
	Slug:        "aws-iam-administrator-access-attached",
	Title:       "AWS managed AdministratorAccess policy is attached",
	Provider:    "aws",
	Service:     "iam",
	Severity:    check.High,
	Description: "The AWS managed policy AdministratorAccess (every action on every resource) is attached to a user, group or role.",
	Rationale: "The identity, and anyone who compromises it or can assume it, controls the whole account. Standing " +
		"administrator access should be limited to a few break-glass roles with strict trust policies and MFA.",
	Remediation: check.Remediation{
		Text: "Attach a policy scoped to the job instead: an AWS job-function policy such as PowerUserAccess or ReadOnlyAccess, or a customer managed policy.",
		Terraform: `resource "aws_iam_role_policy_attachment" "ops" {
  role       = aws_iam_role.ops.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html",
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html",
	},
	Compliance:  append([]check.Control{{Framework: check.FrameworkCISAWS30, ID: "1.16"}}, leastPrivilegeCompliance...),
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_274"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		st := &in.AWS.IAM
		for _, a := range st.Attachments {
			if arn, ok := a.PolicyARN.Get(); ok && iam.AWSManagedPolicy(arn, "AdministratorAccess") {
				target := st.Identity(a.TargetID)
				r.Fail(targetOr(target, a.Resource), a.PolicyARN.Origin, "%s %s has the AdministratorAccess policy attached.",
					kindTitle(a.TargetKind), identityName(target, a.TargetName))
			}
		}
		var ids []*iam.Identity
		for _, u := range st.Users {
			ids = append(ids, &u.Identity)
		}
		for _, g := range st.Groups {
			ids = append(ids, &g.Identity)
		}
		for _, ro := range st.Roles {
			ids = append(ids, &ro.Identity)
		}
		for _, id := range ids {
			if judgedWithoutAdminAccess(id) {
				r.Pass(id.Resource)
			}
		}
	},
}

// judgedWithoutAdminAccess reports whether every attachment of the identity is
// known and none is AdministratorAccess.
func judgedWithoutAdminAccess(id *iam.Identity) bool {
	if !id.PoliciesComplete {
		return false
	}
	for _, a := range id.AttachedPolicies {
		arn, ok := a.PolicyARN.Get()
		if !ok && a.Policy == nil || ok && iam.AWSManagedPolicy(arn, "AdministratorAccess") {
			return false
		}
	}
	return true
}

func kindTitle(k iam.Kind) string {
	switch k {
	case iam.KindUser:
		return "User"
	case iam.KindGroup:
		return "Group"
	}
	return "Role"
}
