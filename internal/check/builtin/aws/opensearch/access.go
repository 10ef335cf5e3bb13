package opensearch

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model/aws/opensearch"
)

var publicDomain = &check.Check{
	ID:       "AWS-OPENSEARCH-005",
	Slug:     "aws-opensearch-public-open-policy",
	Title:    "OpenSearch domain is public and its access policy allows anyone",
	Provider: "aws",
	Service:  "opensearch",
	Severity: check.Critical,
	Description: "The domain has a public endpoint (no VPC) and an access policy that allows Principal \"*\" (or uses NotPrincipal) " +
		"without a condition that limits it to an organization, account, network (aws:SourceIp) or named principal.",
	Rationale: "Anyone on the internet can then query, modify and delete the indices without signing requests. Open " +
		"search domains are among the most common sources of large data leaks.",
	Remediation: check.Remediation{
		Text: "Place the domain in a VPC, and restrict the access policy to named IAM principals (or to source IPs " +
			"with an aws:SourceIp condition) and enable fine-grained access control.",
		Terraform: `resource "aws_opensearch_domain" "example" {
  # ...
  vpc_options {
    subnet_ids         = [aws_subnet.private.id]
    security_group_ids = [aws_security_group.search.id]
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "SC-7"},
		{Framework: check.FrameworkPCIDSS40, ID: "1.4.4"},
		{Framework: check.FrameworkPCIDSS40, ID: "7.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(a)(1)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.3"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, d := range in.AWS.OpenSearch.Domains {
			evalPublicDomain(d, r)
		}
	},
}

func evalPublicDomain(d *opensearch.Domain, r *check.Reporter) {
	switch {
	case d.InVPC.Is(true):
		r.Pass(d.Resource)
		return
	case !d.InVPC.Known():
		return
	}
	p := d.AccessPolicy
	if p.Raw.Is("") {
		// No policy: only signed requests from the account's principals are allowed.
		r.Pass(d.Resource)
		return
	}
	if !p.Known() {
		return
	}
	// Unknown items that might make a statement public, or a Deny take a
	// grant back, leave the domain unjudged.
	grants, undecided := p.PublicGrants()
	switch {
	case len(grants) > 0:
		r.Fail(d.Resource, grants[0].Statement.Origin, "OpenSearch domain %s has a public endpoint and an access policy that allows anyone.", d.Name)
	case !undecided:
		r.Pass(d.Resource)
	}
}

var auditLogs = &check.Check{
	ID:          "AWS-OPENSEARCH-006",
	Slug:        "aws-opensearch-audit-logs-disabled",
	Title:       "OpenSearch audit logs are not published",
	Provider:    "aws",
	Service:     "opensearch",
	Severity:    check.Medium,
	Description: "The domain does not publish AUDIT_LOGS to CloudWatch Logs.",
	Rationale: "Audit logs record authentication failures, who read or changed which index, and security " +
		"configuration changes. Without them a data leak from the domain cannot be investigated. They require " +
		"fine-grained access control.",
	Remediation: check.Remediation{
		Text: "Add a log_publishing_options block for AUDIT_LOGS (and enable audit logging in the security plugin).",
		Terraform: `resource "aws_opensearch_domain" "example" {
  # ...
  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.search_audit.arn
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html"},
	Compliance: control.AuditLogging(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0042"},
		Tfsec:   []string{"aws-elastic-search-enable-domain-logging"},
		Checkov: []string{"CKV_AWS_317"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, d := range in.AWS.OpenSearch.Domains {
			evalAuditLogs(d, r)
		}
	},
}

func evalAuditLogs(d *opensearch.Domain, r *check.Reporter) {
	v, ok := d.Logs.Lookup(opensearch.LogAudit)
	switch {
	case ok && v.Is(false):
		r.Fail(d.Resource, v.Origin, "OpenSearch domain %s does not publish audit logs.", d.Name)
	case ok && v.Known():
		r.Pass(d.Resource)
	case !ok && d.Logs.Known():
		r.Fail(d.Resource, d.Origin, "OpenSearch domain %s does not publish audit logs.", d.Name)
	}
}

var fineGrainedAccess = &check.Check{
	ID:          "AWS-OPENSEARCH-007",
	Slug:        "aws-opensearch-fine-grained-access-disabled",
	Title:       "OpenSearch fine-grained access control is not enabled",
	Provider:    "aws",
	Service:     "opensearch",
	Severity:    check.Medium,
	Description: "The domain relies on its resource policy alone: anyone allowed by it has full access to every index.",
	Rationale: "Fine-grained access control adds index-, document- and field-level permissions, roles mapped to IAM " +
		"or SAML identities, and audit logging, so a leaked credential or an over-broad policy does not expose " +
		"all data.",
	Remediation: check.Remediation{
		Text: "Enable advanced_security_options (with node-to-node encryption, encryption at rest and HTTPS, which it requires).",
		Terraform: `resource "aws_opensearch_domain" "example" {
  # ...
  advanced_security_options {
    enabled                        = true
    internal_user_database_enabled = false
    master_user_options {
      master_user_arn = aws_iam_role.search_admin.arn
    }
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "AC-6"},
		{Framework: check.FrameworkPCIDSS40, ID: "7.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.3"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, d := range in.AWS.OpenSearch.Domains {
			r.Judge(d.Resource, d.FineGrained.Enabled, false, "OpenSearch domain %s does not have fine-grained access control enabled.", d.Name)
		}
	},
}
