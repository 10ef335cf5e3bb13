package guardduty

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/guardduty"
)

// Checks returns the GuardDuty checks.
func Checks() []*check.Check {
	return []*check.Check{
		detectorDisabled,
		s3Protection,
		eksAuditLogs,
		malwareProtection,
	}
}

var controls = []check.Control{
	{Framework: check.FrameworkNIST80053, ID: "SI-4"},
	{Framework: check.FrameworkPCIDSS40, ID: "11.5.1"},
	{Framework: check.FrameworkSOC2, ID: "CC7.2"},
	{Framework: check.FrameworkHIPAA, ID: "164.308(a)(1)(ii)(D)"},
	{Framework: check.FrameworkISO27001, ID: "A.8.16"},
}

// evalSetting fails detectors whose setting is known to be off. Protection
// plans nobody configured are unknown (GuardDuty picks them), so only plans
// turned off in the configuration are reported.
func evalSetting(in *check.Input, r *check.Reporter, setting func(*guardduty.Detector) model.Bool, problem string) {
	for _, d := range in.AWS.GuardDuty.Detectors {
		r.Judge(d.Resource, setting(d), false, "GuardDuty detector %s %s.", d.Name, problem)
	}
}

var detectorDisabled = &check.Check{
	ID:          "AWS-GUARDDUTY-001",
	Slug:        "aws-guardduty-detector-disabled",
	Title:       "GuardDuty detector is suspended",
	Provider:    "aws",
	Service:     "guardduty",
	Severity:    check.High,
	Description: "The detector exists but is suspended, so GuardDuty analyses no data and raises no findings in its account and region.",
	Rationale:   "GuardDuty is the managed threat detection for compromised credentials, crypto-mining, reconnaissance and data exfiltration. A suspended detector looks like coverage while detecting nothing.",
	Remediation: check.Remediation{
		Text: "Enable the detector.",
		Terraform: `resource "aws_guardduty_detector" "example" {
  enable = true
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_suspend-disable.html",
	},
	Compliance: controls,
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalSetting(in, r, func(d *guardduty.Detector) model.Bool { return d.Enabled }, "is suspended")
	},
}

var s3Protection = &check.Check{
	ID:          "AWS-GUARDDUTY-002",
	Slug:        "aws-guardduty-s3-protection-disabled",
	Title:       "GuardDuty S3 Protection is turned off",
	Provider:    "aws",
	Service:     "guardduty",
	Severity:    check.Medium,
	Description: "The detector's S3 Protection plan (S3 data event monitoring) is turned off.",
	Rationale:   "Without S3 Protection, GuardDuty does not analyse object-level API activity, so data exfiltration from buckets, access from known malicious addresses and anomalous deletions go undetected.",
	Remediation: check.Remediation{
		Text: "Turn on S3 Protection for the detector.",
		Terraform: `resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.example.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/guardduty/latest/ug/s3-protection.html",
	},
	Compliance: controls,
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalSetting(in, r, func(d *guardduty.Detector) model.Bool { return d.S3DataEvents }, "has S3 Protection turned off")
	},
}

var eksAuditLogs = &check.Check{
	ID:          "AWS-GUARDDUTY-003",
	Slug:        "aws-guardduty-eks-audit-logs-disabled",
	Title:       "GuardDuty EKS audit log monitoring is turned off",
	Provider:    "aws",
	Service:     "guardduty",
	Severity:    check.Medium,
	Description: "The detector's EKS Protection plan (Kubernetes audit log monitoring) is turned off.",
	Rationale:   "Kubernetes audit logs show anonymous access, privileged pods, exec into containers and credential theft inside EKS clusters; without monitoring them GuardDuty cannot report these.",
	Remediation: check.Remediation{
		Text: "Turn on EKS audit log monitoring for the detector.",
		Terraform: `resource "aws_guardduty_detector_feature" "eks_audit_logs" {
  detector_id = aws_guardduty_detector.example.id
  name        = "EKS_AUDIT_LOGS"
  status      = "ENABLED"
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/guardduty/latest/ug/kubernetes-protection.html",
	},
	Compliance: controls,
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalSetting(in, r, func(d *guardduty.Detector) model.Bool { return d.EKSAuditLogs }, "has EKS audit log monitoring turned off")
	},
}

var malwareProtection = &check.Check{
	ID:          "AWS-GUARDDUTY-004",
	Slug:        "aws-guardduty-malware-protection-disabled",
	Title:       "GuardDuty Malware Protection for EC2 is turned off",
	Provider:    "aws",
	Service:     "guardduty",
	Severity:    check.Low,
	Description: "The detector does not scan the EBS volumes of instances and containers that GuardDuty has findings about.",
	Rationale:   "When GuardDuty suspects an instance, a malware scan of its volumes confirms the compromise and names the malware, which speeds up the response.",
	Remediation: check.Remediation{
		Text: "Turn on Malware Protection for EC2 for the detector.",
		Terraform: `resource "aws_guardduty_detector_feature" "malware" {
  detector_id = aws_guardduty_detector.example.id
  name        = "EBS_MALWARE_PROTECTION"
  status      = "ENABLED"
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/guardduty/latest/ug/malware-protection.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SI-3"},
		{Framework: check.FrameworkPCIDSS40, ID: "5.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.8"},
		{Framework: check.FrameworkHIPAA, ID: "164.308(a)(5)(ii)(B)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.7"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalSetting(in, r, func(d *guardduty.Detector) model.Bool { return d.EBSMalwareProtection }, "has Malware Protection for EC2 turned off")
	},
}
