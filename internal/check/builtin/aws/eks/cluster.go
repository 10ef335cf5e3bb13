package eks

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model/aws/eks"
)

var publicEndpoint = &check.Check{
	ID:       "AWS-EKS-001",
	Slug:     "aws-eks-public-endpoint-open-to-world",
	Title:    "EKS cluster API endpoint is publicly reachable from any address",
	Provider: "aws",
	Service:  "eks",
	Severity: check.High,
	Description: "The cluster's Kubernetes API server endpoint is public and its allowed CIDRs include 0.0.0.0/0 (the default when " +
		"public_access_cidrs is not set). A public endpoint restricted to specific CIDRs passes.",
	Rationale: "An API server open to the whole internet can be probed and brute-forced by anyone, and any leaked kubeconfig, token or " +
		"Kubernetes vulnerability becomes exploitable from anywhere; restricting the endpoint to private access or known networks removes " +
		"that exposure.",
	Remediation: check.Remediation{
		Text: "Disable the public endpoint and reach the API privately (VPN, bastion, peered network), or restrict public_access_cidrs to known networks.",
		Terraform: `resource "aws_eks_cluster" "example" {
  # ...
  vpc_config {
    subnet_ids              = aws_subnet.private[*].id
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-7"},
		{Framework: check.FrameworkNIST80053, ID: "AC-17"},
		{Framework: check.FrameworkPCIDSS40, ID: "1.3.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.6"},
		{Framework: check.FrameworkISO27001, ID: "A.8.20"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0040", "AVD-AWS-0041"},
		Tfsec:   []string{"aws-eks-no-public-cluster-access", "aws-eks-no-public-cluster-access-to-cidr"},
		Checkov: []string{"CKV_AWS_38"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.EKS.Clusters {
			evalPublicEndpoint(c, r)
		}
	},
}

func evalPublicEndpoint(c *eks.Cluster, r *check.Reporter) {
	ep := c.Endpoint
	switch {
	case ep.PublicAccess.Is(false):
		r.Pass(c.Resource)
	case !ep.PublicAccess.Known():
	case ep.PublicAccessCIDRs.Contains("0.0.0.0/0"):
		at, _ := ep.PublicAccessCIDRs.Any(func(s string) bool { return s == "0.0.0.0/0" })
		r.Fail(c.Resource, at.Origin, "Cluster %s has a public API endpoint open to 0.0.0.0/0.", c.Name)
	case ep.PublicAccessCIDRs.Complete():
		r.Pass(c.Resource)
	}
}

var secretsEncryption = &check.Check{
	ID:          "AWS-EKS-002",
	Slug:        "aws-eks-secrets-not-encrypted-with-kms",
	Title:       "EKS cluster does not encrypt Kubernetes secrets with a KMS key",
	Provider:    "aws",
	Service:     "eks",
	Severity:    check.Medium,
	Description: "The cluster has no encryption_config that envelope-encrypts Kubernetes secrets with a customer managed KMS key.",
	Rationale: "Secrets hold service-account tokens, database passwords and API keys. Envelope encryption with your own KMS key adds a " +
		"layer under your control: reading secrets from etcd or its backups then also requires kms:Decrypt on a key whose policy and " +
		"CloudTrail record you own, and disabling the key revokes access.",
	Remediation: check.Remediation{
		Text: "Add an encryption_config for the secrets resource with a customer managed KMS key (it can be added to an existing cluster but not removed).",
		Terraform: `resource "aws_eks_cluster" "example" {
  # ...
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-28"},
		{Framework: check.FrameworkNIST80053, ID: "SC-12"},
		{Framework: check.FrameworkPCIDSS40, ID: "3.5.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(a)(2)(iv)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0039"},
		Tfsec:   []string{"aws-eks-encrypt-secrets"},
		Checkov: []string{"CKV_AWS_58"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.EKS.Clusters {
			// EKS takes only customer managed keys, so any key named will do,
			// and a reference to a key declared in the configuration names one
			// before its ARN is known.
			enc := c.SecretsEncryption
			switch named := enc.Key.Named(); {
			case enc.Enabled.Is(false):
				r.Fail(c.Resource, enc.Enabled.Origin, "Cluster %s does not encrypt Kubernetes secrets with a KMS key.", c.Name)
			case enc.Enabled.Is(true) && named.Is(false):
				r.Fail(c.Resource, named.Origin, "Cluster %s does not name the KMS key that encrypts Kubernetes secrets.", c.Name)
			case enc.Enabled.Is(true) && named.Known():
				r.Pass(c.Resource)
			}
		}
	},
}

var auditLogging = &check.Check{
	ID:       "AWS-EKS-003",
	Slug:     "aws-eks-audit-logging-disabled",
	Title:    "EKS cluster does not send Kubernetes audit logs to CloudWatch",
	Provider: "aws",
	Service:  "eks",
	Severity: check.Medium,
	Description: "The cluster's enabled control-plane log types do not include audit, so the Kubernetes API server's audit trail is " +
		"not kept. (The api and authenticator logs are recommended too.)",
	Rationale: "The audit log records who did what through the Kubernetes API: secret reads, exec into pods, RBAC changes. Without it, " +
		"a compromised credential's activity in the cluster cannot be detected or investigated.",
	Remediation: check.Remediation{
		Text: "Enable at least the audit, authenticator and api control-plane log types, and set a retention on the /aws/eks/<cluster>/cluster log group.",
		Terraform: `resource "aws_eks_cluster" "example" {
  # ...
  enabled_cluster_log_types = ["api", "audit", "authenticator"]
}`,
	},
	References: []string{"https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html"},
	Compliance: control.AuditLogging(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0038"},
		Tfsec:   []string{"aws-eks-enable-control-plane-logging"},
		Checkov: []string{"CKV_AWS_37"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, c := range in.AWS.EKS.Clusters {
			switch l := c.LogTypes; {
			case l.Contains("audit"):
				r.Pass(c.Resource)
			case l.Complete():
				r.Fail(c.Resource, l.Origin, "Cluster %s does not send Kubernetes audit logs to CloudWatch.", c.Name)
			}
		}
	},
}

var nodeGroupSSH = &check.Check{
	ID:       "AWS-EKS-004",
	Slug:     "aws-eks-node-group-ssh-open-to-world",
	Title:    "EKS node group allows SSH from the internet",
	Provider: "aws",
	Service:  "eks",
	Severity: check.High,
	Description: "The node group configures remote access with an EC2 SSH key but no source security groups, in which case EKS opens " +
		"port 22 on the nodes to 0.0.0.0/0.",
	Rationale: "Nodes run every pod's workload and hold the node role's credentials; SSH reachable from the whole internet invites " +
		"brute force and exploitation of SSH vulnerabilities, and a leaked key gives an attacker the node.",
	Remediation: check.Remediation{
		Text: "Remove remote_access and use SSM Session Manager, or set source_security_group_ids to the bastion or admin security groups.",
		Terraform: `resource "aws_eks_node_group" "example" {
  # ...
  remote_access {
    ec2_ssh_key               = aws_key_pair.admin.key_name
    source_security_group_ids = [aws_security_group.bastion.id]
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html",
		"https://docs.aws.amazon.com/eks/latest/userguide/create-managed-node-group.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkCISAWS30, ID: "5.2"},
		{Framework: check.FrameworkNIST80053, ID: "SC-7"},
		{Framework: check.FrameworkNIST80053, ID: "AC-17"},
		{Framework: check.FrameworkPCIDSS40, ID: "1.3.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.6"},
		{Framework: check.FrameworkISO27001, ID: "A.8.20"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_100"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, ng := range in.AWS.EKS.NodeGroups {
			evalNodeGroupSSH(ng, r)
		}
	},
}

func evalNodeGroupSSH(ng *eks.NodeGroup, r *check.Reporter) {
	ra := ng.RemoteAccess
	switch {
	case ra == nil && ng.RemoteAccessKnown:
		r.Pass(ng.Resource)
	case ra == nil:
	case ra.EC2SSHKey.Is(""):
		// Without a key there is no SSH access to open.
		r.Pass(ng.Resource)
	case !ra.EC2SSHKey.Known():
	case ra.SourceSecurityGroupIDs.IsEmpty():
		r.Fail(ng.Resource, ra.Origin, "Node group %s allows SSH to its nodes from 0.0.0.0/0.", ng.Name)
	case ra.SourceSecurityGroupIDs.Known():
		r.Pass(ng.Resource)
	}
}
