package iam

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/vigil-sec/vigil/internal/check"
	engine "github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/iam/awsestate"
	"github.com/vigil-sec/vigil/internal/iam/escalation"
	"github.com/vigil-sec/vigil/internal/model"
)

// identityAnalysis is the identity engine's view of an input, computed once
// for all the checks that judge principals by evaluation.
type identityAnalysis struct {
	estate *engine.Estate
	paths  map[*engine.Principal]escalation.Path
}

type identityKey struct{}

func analyse(in *check.Input) *identityAnalysis {
	return in.Memo(identityKey{}, func() any {
		e := awsestate.Build(in.AWS, awsestate.Options{})
		a := &identityAnalysis{estate: e, paths: map[*engine.Principal]escalation.Path{}}
		if res, err := escalation.Analyze(context.Background(), e, escalation.Options{}); err == nil {
			for _, p := range res.Paths {
				a.paths[p.Principal] = p
			}
		}
		return a
	}).(*identityAnalysis)
}

// judged lists the users and roles a check can speak about: defined by the
// source, and certain to exist.
func (a *identityAnalysis) judged() []*engine.Principal {
	var out []*engine.Principal
	for _, p := range a.estate.Principals {
		if (p.Type == engine.User || p.Type == engine.Role) && p.Resource.ID != "" && !p.ServiceLinked {
			out = append(out, p)
		}
	}
	return out
}

// firstGrant is where the first step of a path is granted: the statement a
// fix most likely changes.
func firstGrant(p escalation.Path) model.Origin {
	for _, e := range p.Edges {
		for _, s := range e.Steps {
			for _, ref := range s.Decision.Allowed {
				if ref.Policy.Kind != engine.IdentityPolicy {
					continue
				}
				if o := ref.Statement().Origin; !o.IsZero() {
					return o
				}
				return ref.Policy.Source.Origin
			}
		}
	}
	return model.Origin{}
}

// describePath renders a path as one line: "iam:CreatePolicyVersion on
// policy X → administrator".
func describePath(p escalation.Path) string {
	var parts []string
	for _, e := range p.Edges {
		to := "administrator"
		if e.To != nil {
			to = e.To.String()
		}
		parts = append(parts, fmt.Sprintf("%s (%s) → %s", e.Technique.Name, e.Technique.ID, to))
	}
	return strings.Join(parts, ", then ")
}

// adminCompliance adds CIS's control on full administrative privileges to
// the least-privilege controls every IAM permission check maps to.
var adminCompliance = append([]check.Control{{Framework: check.FrameworkCISAWS30, ID: "1.16"}}, leastPrivilegeCompliance...)

var canEscalate = &check.Check{
	ID:       "AWS-IAM-019",
	Slug:     "aws-iam-principal-can-escalate-to-admin",
	Title:    "IAM principal can escalate its privileges to administrator",
	Provider: "aws",
	Service:  "iam",
	Severity: check.Critical,
	Description: "Evaluating every policy that applies (identity policies, groups, boundaries, SCPs, trust and resource " +
		"policies), the user or role can reach administrator through a known privilege-escalation technique: " +
		"rewriting or attaching policies, creating credentials for an administrator, assuming or passing an " +
		"administrator role to a service that runs its code, or running commands on a workload that has one.",
	Rationale: "A principal that can make itself administrator is an administrator to anyone who steals its " +
		"credentials, whatever its policies look like. Attackers enumerate exactly these paths after a first foothold.",
	Remediation: check.Remediation{
		Text: "Remove the permission behind the first step of the path (the finding points at the statement that " +
			"grants it), scope it to resources that are not administrators' (specific role ARNs for iam:PassRole, " +
			"specific users for iam:CreateAccessKey), or add a permissions boundary that excludes IAM write access. " +
			"`vigil iam paths` shows the whole path with every statement involved.",
		Terraform: `data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.app_runtime.arn] # not "*"
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["lambda.amazonaws.com"]
    }
  }
}`,
	},
	References: []string{
		"https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/",
		"https://bishopfox.com/blog/privilege-escalation-in-aws",
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html",
	},
	Compliance: leastPrivilegeCompliance,
	Evaluate: func(in *check.Input, r *check.Reporter) {
		a := analyse(in)
		for _, p := range a.judged() {
			path, found := a.paths[p]
			switch {
			case found && !path.Conditional:
				r.Fail(p.Resource, firstGrant(path), "%s can escalate to administrator: %s.", p, describePath(path))
			case !found && p.Complete && !a.estate.IsAdmin(p):
				r.Pass(p.Resource)
			}
		}
	},
}

var adminEquivalent = &check.Check{
	ID:       "AWS-IAM-020",
	Slug:     "aws-iam-principal-admin-equivalent",
	Title:    "IAM principal is administrator-equivalent",
	Provider: "aws",
	Service:  "iam",
	Severity: check.High,
	Description: "Evaluating its policies together (inline, attached, inherited from groups, less its permissions " +
		"boundary, SCPs and deny statements), the user or role may perform every AWS action on every resource, " +
		"whatever its policies are called.",
	Rationale: "Full administrators should be few, held by roles assumed for the task with MFA, and reviewed. " +
		"Combinations of policies (a NotAction allow, several service wildcards) grant it without any policy " +
		"named AdministratorAccess.",
	Remediation: check.Remediation{
		Text: "Grant the services and actions the principal needs; keep administrator access on a role that " +
			"people assume with MFA. `vigil iam permissions --principal P` lists what the principal may do.",
		Terraform: `resource "aws_iam_role_policy_attachment" "deploy" {
  role       = aws_iam_role.deploy.name
  policy_arn = aws_iam_policy.deploy_minimal.arn # not AdministratorAccess
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
	},
	Compliance:  adminCompliance,
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_274"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		a := analyse(in)
		for _, p := range a.judged() {
			switch {
			case a.estate.IsAdmin(p):
				r.Fail(p.Resource, model.Origin{}, "%s may perform every action on every resource.", p)
			case p.Complete:
				r.Pass(p.Resource)
			}
		}
	},
}

// unusedAfter is how long a role may go unused before it is reported.
const unusedAfter = 90 * 24 * time.Hour

var roleUnused = &check.Check{
	ID:       "AWS-IAM-021",
	Slug:     "aws-iam-role-unused",
	Title:    "IAM role has not been used for 90 days",
	Provider: "aws",
	Service:  "iam",
	Severity: check.Low,
	Description: "AWS records when a role was last used to make a request. The role has not been used for more than " +
		"90 days (or ever, within AWS's 400-day tracking period) although it is older than that. Live data only: " +
		"infrastructure as code does not know.",
	Rationale: "Unused roles keep their permissions and trust relationships: forgotten doors that nobody watches. " +
		"Removing them shrinks what an attacker can assume.",
	Remediation: check.Remediation{
		Text:      "Delete the role, or remove its permissions, after confirming with its owner that nothing assumes it.",
		Terraform: `# Remove the aws_iam_role resource and its policies, attachments and instance profiles.`,
	},
	References: []string{
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_manage_delete.html#roles-delete_prerequisites",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-2(3)"},
		{Framework: check.FrameworkPCIDSS40, ID: "8.2.6"},
		{Framework: check.FrameworkSOC2, ID: "CC6.2"},
		{Framework: check.FrameworkISO27001, ID: "A.5.18"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		now := in.Clock()
		for _, role := range in.AWS.IAM.Roles {
			if strings.HasPrefix(role.Path.Val(), "/aws-service-role/") {
				continue
			}
			last, lastKnown := role.LastUsed.Get()
			created, createdKnown := role.CreateDate.Get()
			if !lastKnown || !createdKnown || now.Sub(created) < unusedAfter {
				continue
			}
			switch {
			case last.IsZero():
				r.Fail(role.Resource, role.LastUsed.Origin, "Role %s has not been used in AWS's tracking period (created %s).", role.Name, created.Format(time.DateOnly))
			case now.Sub(last) > unusedAfter:
				r.Fail(role.Resource, role.LastUsed.Origin, "Role %s was last used on %s.", role.Name, last.Format(time.DateOnly))
			default:
				r.Pass(role.Resource)
			}
		}
	},
}
