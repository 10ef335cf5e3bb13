package efs

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model/aws/efs"
)

var secureTransport = &check.Check{
	ID:          "AWS-EFS-003",
	Slug:        "aws-efs-policy-allows-unencrypted-transport",
	Title:       "EFS file system policy does not require encryption in transit",
	Provider:    "aws",
	Service:     "efs",
	Severity:    check.Medium,
	Description: "The file system has a policy, but it does not deny NFS clients that connect without TLS (aws:SecureTransport).",
	Rationale: "Mounting without the TLS mount option sends file contents across the network in clear text. Only a " +
		"Deny on aws:SecureTransport = false in the file system policy makes EFS refuse such mounts.",
	Remediation: check.Remediation{
		Text: "Add a statement denying all actions when aws:SecureTransport is false, and mount with -o tls.",
		Terraform: `data "aws_iam_policy_document" "efs" {
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = [aws_efs_file_system.example.arn]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/efs/latest/ug/encryption-in-transit.html"},
	Compliance: control.EncryptionInTransit(),
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, f := range in.AWS.EFS.FileSystems {
			evalSecureTransport(f, r)
		}
	},
}

// evalSecureTransport judges only file systems with a policy: without one,
// the fix is a whole new policy, which other controls cover. A Partial
// statement that may deny might be the missing one, so it leaves the file
// system unjudged.
func evalSecureTransport(f *efs.FileSystem, r *check.Reporter) {
	p := f.Policy
	if !f.HasPolicy() || !p.Known() {
		return
	}
	undecided := false
	for _, st := range p.Statements {
		if st.DeniesInsecureTransport() {
			r.Pass(f.Resource)
			return
		}
		undecided = undecided || st.Partial && st.MayHaveEffect("Deny")
	}
	if !undecided {
		r.Fail(f.Resource, p.Raw.Origin, "EFS file system %s has a policy that does not deny unencrypted connections.", f.Name)
	}
}

var publicPolicy = &check.Check{
	ID:       "AWS-EFS-004",
	Slug:     "aws-efs-policy-public",
	Title:    "EFS file system policy allows any principal",
	Provider: "aws",
	Service:  "efs",
	Severity: check.High,
	Description: "The file system policy allows actions to Principal \"*\" (or uses NotPrincipal) without a condition that limits it " +
		"to an organization, account, network or named principal.",
	Rationale: "Anyone in any AWS account who can reach a mount target, through a peered VPC, a shared subnet or a " +
		"compromised workload, can then mount, read and write the file system; identity is no longer checked.",
	Remediation: check.Remediation{
		Text: "Name the roles that may mount the file system, or restrict the statement with conditions such as aws:PrincipalOrgID or elasticfilesystem:AccessPointArn.",
		Terraform: `data "aws_iam_policy_document" "efs" {
  statement {
    actions   = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]
    resources = [aws_efs_file_system.example.arn]
    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.app.arn]
    }
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "AC-6"},
		{Framework: check.FrameworkPCIDSS40, ID: "7.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(a)(1)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.3"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, f := range in.AWS.EFS.FileSystems {
			evalPublicPolicy(f, r)
		}
	},
}

// evalPublicPolicy fails a file system on the first public statement of its
// policy that no Deny of the policy takes back; unknown items that might
// make a statement public, or a Deny take a grant back, leave it unjudged.
func evalPublicPolicy(f *efs.FileSystem, r *check.Reporter) {
	p := f.Policy
	if !f.HasPolicy() || !p.Known() {
		return
	}
	grants, undecided := p.PublicGrants()
	switch {
	case len(grants) > 0:
		r.Fail(f.Resource, grants[0].Statement.Origin, "EFS file system %s has a policy that allows any principal without a restricting condition.", f.Name)
	case !undecided:
		r.Pass(f.Resource)
	}
}
