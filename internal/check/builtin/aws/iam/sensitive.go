package iam

import (
	"fmt"
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// sensitiveActions are the actions that, on every resource, read every
// secret or data store of the account or mint credentials for other
// identities, grouped by what they give. The reason completes "allows
// <action> (<reason>) on every resource" in findings.
var sensitiveActions = []struct {
	actions []string
	reason  string
}{
	{[]string{"secretsmanager:GetSecretValue"}, "reads every secret"},
	{[]string{"ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"}, "reads every parameter, SecureStrings included"},
	{[]string{"kms:Decrypt"}, "decrypts with every key whose key policy delegates to IAM"},
	{[]string{"s3:GetObject"}, "reads every object of every bucket"},
	{[]string{"dynamodb:Scan"}, "dumps every table"},
	{[]string{"ec2:GetPasswordData"}, "reads the administrator password of every Windows instance"},
	{[]string{"sts:AssumeRole"}, "assumes every role that trusts the account"},
	{[]string{"iam:CreateAccessKey"}, "creates access keys for every user, administrators included"},
	{[]string{"iam:CreateLoginProfile", "iam:UpdateLoginProfile"}, "sets the console password of every user"},
}

// resourceScopingKey reports whether a condition on key narrows which
// resources a statement applies to (by tag, owning account, calling service,
// encryption context, ...): with it, Resource "*" is not every resource. A
// key holding Unknown might be one.
func resourceScopingKey(key string) bool {
	k := strings.ToLower(key)
	if strings.Contains(key, iam.Unknown) || strings.Contains(k, "resourcetag/") || strings.Contains(k, "existingobjecttag/") {
		return true
	}
	for _, p := range []string{
		"aws:resourceaccount", "aws:resourceorgid", "aws:resourceorgpaths",
		"kms:viaservice", "kms:encryptioncontext",
		"secretsmanager:secretid", "secretsmanager:resource/",
		"dynamodb:leadingkeys",
	} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

var sensitiveAllResources = &check.Check{
	ID:       "AWS-IAM-018",
	Slug:     "aws-iam-policy-sensitive-action-all-resources",
	Title:    "IAM policy allows reading secrets and data or minting credentials on every resource",
	Provider: "aws",
	Service:  "iam",
	Severity: check.High,
	Description: "A policy statement allows, on Resource \"*\" and without a condition that narrows the resources, an action " +
		"that reads secrets or data account-wide or creates credentials for other identities: " +
		"secretsmanager:GetSecretValue, ssm:GetParameter(s)/GetParametersByPath, kms:Decrypt, s3:GetObject, " +
		"dynamodb:Scan, ec2:GetPasswordData, sts:AssumeRole, iam:CreateAccessKey, iam:CreateLoginProfile or " +
		"iam:UpdateLoginProfile, directly, through a wildcard (\"secretsmanager:*\", \"s3:Get*\") or through NotAction. " +
		"Statements AWS-IAM-008 reports as full administration are not reported again.",
	Rationale: "An application needs its own secret, its own bucket, its own key. The same action on every resource turns " +
		"one compromised workload or leaked key into access to every secret, parameter and object of the account, " +
		"or, with iam:CreateAccessKey, iam:UpdateLoginProfile or sts:AssumeRole, into the identity of any user or role, " +
		"administrators included.",
	Remediation: check.Remediation{
		Text: "Scope Resource to the ARNs of the secrets, parameters, keys, buckets, tables, users or roles the identity " +
			"works with, or add a condition on resource tags.",
		Terraform: `data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.db.arn]
  }

  statement {
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.app.arn]
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
		"https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_iam-policies.html",
		"https://docs.aws.amazon.com/kms/latest/developerguide/iam-policies-best-practices.html",
	},
	Compliance: leastPrivilegeCompliance,
	Equivalents: check.Equivalents{
		AVD:   []string{"AVD-AWS-0057"},
		Tfsec: []string{"aws-iam-no-policy-wildcards"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalStatements(in, r, func(st iam.Statement) (string, bool) {
			if !st.AllResources() || isFullAdmin(st) {
				return "", false
			}
			for _, c := range st.Condition {
				if resourceScopingKey(c.Key) {
					return "", false
				}
			}
			var hit []string
			for _, s := range sensitiveActions {
				for _, a := range s.actions {
					if st.CoversAction(a) {
						hit = append(hit, fmt.Sprintf("%s (%s)", a, s.reason))
						break
					}
				}
			}
			return "allows " + strings.Join(hit, ", ") + " on every resource", len(hit) > 0
		})
	},
}
