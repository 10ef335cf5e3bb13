package iam

import (
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// permissionPolicy is one identity policy to judge, with the resource that
// declares it.
type permissionPolicy struct {
	res  model.Resource
	kind string // "Policy" or "Inline policy", for messages
	name string
	doc  iam.Document
}

// permissionPolicies returns every customer managed and inline policy.
func permissionPolicies(st *iam.State) []permissionPolicy {
	var out []permissionPolicy
	for _, p := range st.Policies {
		out = append(out, permissionPolicy{res: p.Resource, kind: "Policy", name: p.Name, doc: p.Document})
	}
	for _, p := range st.InlinePolicies {
		name := p.Resource.Name
		if n, ok := p.PolicyName.Get(); ok && n != "" {
			name = n
		}
		out = append(out, permissionPolicy{res: p.Resource, kind: "Inline policy", name: name, doc: p.Document})
	}
	return out
}

// evalStatements runs fails over every statement of every permission
// policy. A policy passes when it is known and no statement fails; an Allow
// statement with unknown parts leaves it unjudged.
func evalStatements(in *check.Input, r *check.Reporter, fails func(iam.Statement) (string, bool)) {
	for _, p := range permissionPolicies(&in.AWS.IAM) {
		if !p.doc.Known() {
			continue
		}
		judged, failed := true, false
		for _, st := range p.doc.Statements {
			if !st.IsAllow() {
				continue
			}
			if what, bad := fails(st); bad {
				failed = true
				r.Fail(p.res, st.Origin, "%s %s %s.", p.kind, p.name, what)
			} else if st.Partial {
				judged = false
			}
		}
		if judged && !failed {
			r.Pass(p.res)
		}
	}
}

// isFullAdmin reports whether st allows every action on every resource, or
// the equivalent: Allow with NotAction on every resource grants everything
// but the listed actions, and when IAM is not among them the holder can
// grant itself those too. A NotAction item holding Unknown might exclude IAM.
func isFullAdmin(st iam.Statement) bool {
	if !st.IsAllow() || !st.AllResources() {
		return false
	}
	if len(st.NotAction) > 0 {
		return !slices.ContainsFunc(st.NotAction, func(p string) bool {
			return strings.Contains(p, iam.Unknown) || iam.MatchesService(p, "iam")
		})
	}
	return slices.ContainsFunc(st.Action, func(a string) bool { return a == "*" || a == "*:*" })
}

var leastPrivilegeCompliance = []check.Control{
	{Framework: check.FrameworkNIST80053, ID: "AC-6"},
	{Framework: check.FrameworkPCIDSS40, ID: "7.2.1"},
	{Framework: check.FrameworkPCIDSS40, ID: "7.2.2"},
	{Framework: check.FrameworkSOC2, ID: "CC6.3"},
	{Framework: check.FrameworkHIPAA, ID: "164.308(a)(4)(ii)(B)"},
	{Framework: check.FrameworkISO27001, ID: "A.8.2"},
}

var fullAdmin = &check.Check{
	ID:       "AWS-IAM-008",
	Slug:     "aws-iam-policy-full-admin",
	Title:    "IAM policy grants full administrative privileges",
	Provider: "aws",
	Service:  "iam",
	Severity: check.High,
	Description: "A policy statement allows Action \"*\" on Resource \"*\": every action on every resource of the account. " +
		"An Allow statement with NotAction on Resource \"*\" counts too unless its NotAction excludes every IAM action " +
		"(\"iam:*\"): it grants everything but a few actions, and through IAM the holder can grant itself the rest.",
	Rationale: "Whoever gets this policy, and whoever compromises them, controls the whole account: they can read all data, " +
		"disable logging, create users and delete everything. Administrative access should be rare, granted to few roles " +
		"and protected by MFA, not written into general policies.",
	Remediation: check.Remediation{
		Text: "Grant only the actions and resources the identity needs; keep full administration to a few break-glass roles that require MFA.",
		Terraform: `data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["${aws_s3_bucket.data.arn}/*"]
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
	},
	Compliance: append([]check.Control{{Framework: check.FrameworkCISAWS30, ID: "1.16"}}, leastPrivilegeCompliance...),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0057"},
		Tfsec:   []string{"aws-iam-no-policy-wildcards"},
		Checkov: []string{"CKV_AWS_1", "CKV_AWS_62"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalStatements(in, r, func(st iam.Statement) (string, bool) {
			if len(st.NotAction) > 0 {
				return "allows every action but " + strings.Join(st.NotAction, ", ") +
					" on every resource, IAM included, which amounts to full administration", isFullAdmin(st)
			}
			return "allows every action on every resource", isFullAdmin(st)
		})
	},
}

var serviceWildcard = &check.Check{
	ID:       "AWS-IAM-009",
	Slug:     "aws-iam-policy-service-wildcard",
	Title:    "IAM policy allows every action of a service on every resource",
	Provider: "aws",
	Service:  "iam",
	Severity: check.Medium,
	Description: "A policy statement allows a whole service (\"s3:*\", \"ec2:*\", ...) on Resource \"*\". Statements granting " +
		"\"*\" are reported by AWS-IAM-008 instead.",
	Rationale: "A service wildcard grants today's and future actions of that service, destructive and permission-changing " +
		"ones included (s3:PutBucketPolicy, kms:ScheduleKeyDeletion, iam:*), across every resource of the account.",
	Remediation: check.Remediation{
		Text: "List the actions the identity uses and scope Resource to the ARNs it works on. IAM Access Analyzer can generate a policy from CloudTrail activity.",
		Terraform: `data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"]
    resources = [aws_sqs_queue.jobs.arn]
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html",
	},
	Compliance: leastPrivilegeCompliance,
	// AVD-AWS-0345 is Trivy's s3:* check: the S3 case of this one.
	Equivalents: check.Equivalents{AVD: []string{"AVD-AWS-0057", "AVD-AWS-0345"}, Tfsec: []string{"aws-iam-no-policy-wildcards"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalStatements(in, r, func(st iam.Statement) (string, bool) {
			if !st.AllResources() || isFullAdmin(st) {
				return "", false
			}
			var wild []string
			for _, a := range st.Action {
				if svc, rest, ok := strings.Cut(a, ":"); ok && rest == "*" && svc != "*" && svc != iam.Unknown {
					wild = append(wild, a)
				}
			}
			return "allows " + strings.Join(wild, ", ") + " on every resource", len(wild) > 0
		})
	},
}

var passRoleAll = &check.Check{
	ID:       "AWS-IAM-010",
	Slug:     "aws-iam-policy-passrole-any-role",
	Title:    "IAM policy allows passing any role to AWS services",
	Provider: "aws",
	Service:  "iam",
	Severity: check.High,
	Description: "A policy statement allows iam:PassRole (directly, through a wildcard or through NotAction) on Resource " +
		"\"*\". Statements AWS-IAM-008 reports as full administration are not reported again.",
	Rationale: "iam:PassRole lets a principal hand a role to a service it controls (an EC2 instance, a Lambda function, a " +
		"Glue job) and then act with that role's permissions. On every role, it is a direct path to the most privileged " +
		"role in the account.",
	Remediation: check.Remediation{
		Text: "Scope iam:PassRole to the ARNs of the roles the identity must pass, and limit it to the intended service with the iam:PassedToService condition.",
		Terraform: `data "aws_iam_policy_document" "deployer" {
  statement {
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.app.arn]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["lambda.amazonaws.com"]
    }
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html",
	},
	Compliance:  leastPrivilegeCompliance,
	Equivalents: check.Equivalents{AVD: []string{"AVD-AWS-0342"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalStatements(in, r, func(st iam.Statement) (string, bool) {
			return "allows iam:PassRole on every role", st.AllResources() && !isFullAdmin(st) && st.CoversAction("iam:PassRole")
		})
	},
}
