package iam

import (
	"regexp"
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// assumeActions are the actions a trust policy grants.
var assumeActions = []string{"sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"}

func grantsAssume(st iam.Statement) bool {
	return st.IsAllow() && slices.ContainsFunc(assumeActions, st.CoversAction)
}

// evalTrust runs fails over the Allow statements of every known trust
// policy; partial statements that do not fail leave the role unjudged.
func evalTrust(in *check.Input, r *check.Reporter, fails func(*iam.Role, iam.Statement, *check.Reporter) bool) {
	for _, role := range in.AWS.IAM.Roles {
		if !role.TrustPolicy.Known() {
			continue
		}
		judged, failed := true, false
		for _, st := range role.TrustPolicy.Statements {
			if !grantsAssume(st) {
				continue
			}
			if fails(role, st, r) {
				failed = true
			} else if st.Partial {
				judged = false
			}
		}
		if judged && !failed {
			r.Pass(role.Resource)
		}
	}
}

var trustCompliance = []check.Control{
	{Framework: check.FrameworkNIST80053, ID: "AC-3"},
	{Framework: check.FrameworkNIST80053, ID: "AC-6"},
	{Framework: check.FrameworkPCIDSS40, ID: "7.2.1"},
	{Framework: check.FrameworkSOC2, ID: "CC6.1"},
	{Framework: check.FrameworkISO27001, ID: "A.5.15"},
}

var trustAnyone = &check.Check{
	ID:       "AWS-IAM-012",
	Slug:     "aws-iam-role-trusts-anyone",
	Title:    "IAM role can be assumed by any AWS principal",
	Provider: "aws",
	Service:  "iam",
	Severity: check.Critical,
	Description: "The role's trust policy allows Principal \"*\" (or uses NotPrincipal) to assume it without a condition " +
		"that limits it to an organization, account or named principal.",
	Rationale: "Any IAM user or role in any AWS account can call sts:AssumeRole on the role and get its permissions. " +
		"Role ARNs are easy to guess or find, so this is a public door into the account.",
	Remediation: check.Remediation{
		Text: "Name the trusted principals (an account root, a role ARN or a service), or restrict the wildcard with aws:PrincipalOrgID or aws:PrincipalArn.",
		Terraform: `data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/deployer"]
    }
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous",
	},
	Compliance:  trustCompliance,
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_60"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, role := range in.AWS.IAM.Roles {
			evalTrustAnyone(role, r)
		}
	},
}

// evalTrustAnyone fails a role on each public statement of its trust policy
// granting an assume action that no Deny of the policy takes back. Unknown
// items that might make a statement public, or a Deny take a grant back,
// leave the role unjudged.
func evalTrustAnyone(role *iam.Role, r *check.Reporter) {
	if !role.TrustPolicy.Known() {
		return
	}
	grants, undecided := role.TrustPolicy.PublicGrants(assumeActions...)
	for _, g := range grants {
		r.Fail(role.Resource, g.Statement.Origin, "Role %s can be assumed by any AWS principal.", role.Name)
	}
	if len(grants) == 0 && !undecided {
		r.Pass(role.Resource)
	}
}

// webIdentityProviders are identity providers whose tokens are scoped by
// the audience (the application's client ID) rather than by subject.
var webIdentityProviders = map[string]bool{
	"cognito-identity.amazonaws.com": true,
	"accounts.google.com":            true,
	"graph.facebook.com":             true,
	"www.amazon.com":                 true,
}

var trustOIDCWithoutSubject = &check.Check{
	ID:       "AWS-IAM-013",
	Slug:     "aws-iam-role-oidc-trust-without-subject",
	Title:    "IAM role trusts an OIDC provider without restricting the token subject",
	Provider: "aws",
	Service:  "iam",
	Severity: check.High,
	Description: "The role's trust policy lets tokens of an OpenID Connect provider (GitHub Actions, GitLab, Terraform Cloud, " +
		"an EKS cluster, ...) assume it without a condition on the provider's sub claim, or with a sub condition that " +
		"matches anything.",
	Rationale: "The issuer signs tokens for every one of its users: without a sub condition, any GitHub repository in the " +
		"world, any GitLab project or any service account of the cluster can assume the role.",
	Remediation: check.Remediation{
		Text: "Add a StringEquals or StringLike condition on <provider>:sub naming the repository, branch or environment (or the service account) allowed to assume the role, next to the aud condition.",
		Terraform: `data "aws_iam_policy_document" "github_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:example-org/example-repo:ref:refs/heads/main"]
    }
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub",
		"https://docs.github.com/en/actions/deployment/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services",
	},
	Compliance:  trustCompliance,
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_358"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalTrust(in, r, func(role *iam.Role, st iam.Statement, r *check.Reporter) bool {
			failed := false
			for _, host := range oidcHosts(st) {
				if problem := subjectProblem(st, host); problem != "" {
					failed = true
					r.Fail(role.Resource, st.Origin, "Role %s trusts %s %s.", role.Name, host, problem)
				}
			}
			return failed
		})
	},
}

// oidcHosts returns the OIDC issuers a statement trusts: from federated
// oidc-provider ARNs, or, when the ARN is unknown, from the provider prefix
// of its condition keys.
func oidcHosts(st iam.Statement) []string {
	if st.Principal == nil {
		return nil
	}
	var hosts []string
	add := func(h string) {
		h = strings.TrimSuffix(strings.ToLower(h), "/")
		if h != "" && !webIdentityProviders[h] && !slices.Contains(hosts, h) {
			hosts = append(hosts, h)
		}
	}
	unknown := false
	for _, f := range st.Principal.Federated {
		switch {
		case strings.Contains(f, ":oidc-provider/"):
			_, h, _ := strings.Cut(f, ":oidc-provider/")
			add(h)
		case f == iam.Unknown:
			unknown = true
		case !strings.Contains(f, ":saml-provider/") && !strings.HasPrefix(f, "arn:"):
			add(f)
		}
	}
	if unknown && len(hosts) == 0 {
		for _, c := range st.Condition {
			if h, claim, ok := cutLast(c.Key, ":"); ok && (claim == "aud" || claim == "sub" || claim == "amr") && strings.Contains(h, ".") {
				add(h)
			}
		}
	}
	return hosts
}

func cutLast(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// anySubject matches sub patterns that admit every subject of the issuer:
// "*", "repo:*", "repo:*/*", "project_path:*", "system:serviceaccount:*".
var anySubject = regexp.MustCompile(`^(\*|[a-z_:]+:\*(/\*)?(:\*)?)$`)

// subjectProblem says what is wrong with the statement's sub condition for
// host, or "" when it restricts the subject.
func subjectProblem(st iam.Statement, host string) string {
	var subs []iam.Condition
	for _, c := range st.ConditionOn(host + ":sub") {
		op := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(c.Operator, "ForAnyValue:"), "ForAllValues:"))
		if op == "stringequals" || op == "stringlike" || op == "stringequalsignorecase" {
			subs = append(subs, c)
		}
	}
	if len(subs) == 0 {
		return "without a condition on " + host + ":sub"
	}
	for _, c := range subs {
		if !slices.ContainsFunc(c.Values, func(v string) bool { return anySubject.MatchString(v) }) {
			return ""
		}
	}
	return "with a " + host + ":sub condition that matches every subject"
}

var trustCrossAccountNoExternalID = &check.Check{
	ID:       "AWS-IAM-014",
	Slug:     "aws-iam-role-cross-account-trust-without-external-id",
	Title:    "IAM role trusts another account without an external ID",
	Provider: "aws",
	Service:  "iam",
	Severity: check.Medium,
	Description: "The role's trust policy lets principals of an account named by number assume it without a condition on " +
		"sts:ExternalId, aws:MultiFactorAuthPresent or aws:PrincipalOrgID. An account given by number in the trust policy " +
		"is taken to be another account.",
	Rationale: "A third party that assumes roles for many customers can be tricked into using its access on your role " +
		"(the confused deputy problem) unless the role requires the external ID it issued you. Roles for people in other " +
		"accounts should require MFA instead, and roles for your own organization can require its ID.",
	Remediation: check.Remediation{
		Text: "Require the external ID the third party gave you with a StringEquals condition on sts:ExternalId (or, for people, require MFA).",
		Terraform: `data "aws_iam_policy_document" "vendor_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [var.vendor_external_id]
    }
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html",
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html",
	},
	Compliance: trustCompliance,
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalTrust(in, r, func(role *iam.Role, st iam.Statement, r *check.Reporter) bool {
			if st.Principal == nil || !st.CoversAction("sts:AssumeRole") || hasCrossAccountGuard(st) {
				return false
			}
			for _, p := range st.Principal.AWS {
				if acct := accountOf(p); acct != "" {
					r.Fail(role.Resource, st.Origin, "Role %s trusts account %s without requiring an external ID.", role.Name, acct)
					return true
				}
			}
			return false
		})
	},
}

// hasCrossAccountGuard reports whether the statement requires an external
// ID, MFA or membership of an organization.
func hasCrossAccountGuard(st iam.Statement) bool {
	// A condition whose key or operator is known only after apply may be
	// any of the guards below: staying silent is the sound answer.
	for _, c := range st.Condition {
		if strings.Contains(c.Key, iam.Unknown) || strings.Contains(c.Operator, iam.Unknown) {
			return true
		}
	}
	for _, key := range []string{"sts:ExternalId", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths"} {
		if len(st.ConditionOn(key)) > 0 {
			return true
		}
	}
	for _, c := range st.ConditionOn("aws:MultiFactorAuthPresent") {
		if strings.EqualFold(c.Operator, "Bool") && slices.ContainsFunc(c.Values, func(v string) bool { return v == "true" || strings.Contains(v, iam.Unknown) }) {
			return true
		}
	}
	return false
}

var accountID = regexp.MustCompile(`^[0-9]{12}$`)

// accountOf returns the account an AWS principal names: a bare account ID or
// an IAM ARN in it; "" for anything else.
func accountOf(p string) string {
	if accountID.MatchString(p) {
		return p
	}
	parts := strings.SplitN(p, ":", 6)
	if len(parts) == 6 && parts[0] == "arn" && (parts[2] == "iam" || parts[2] == "sts") && accountID.MatchString(parts[4]) {
		return parts[4]
	}
	return ""
}
