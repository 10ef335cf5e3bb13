package guardduty

import "github.com/vigil-sec/vigil/internal/model"

// State holds the GuardDuty resources of an estate.
type State struct {
	Detectors []*Detector
}

// Detector is a GuardDuty detector (GuardDuty in one account and region)
// with its protection plans.
//
// A protection plan nobody configured is unknown: GuardDuty picks its state
// when the detector is created, depending on the account and region.
type Detector struct {
	model.Resource
	// Enabled reports whether the detector is monitoring (false: suspended).
	Enabled model.Bool
	// FindingPublishingFrequency is how often updated findings are exported:
	// "FIFTEEN_MINUTES", "ONE_HOUR" or "SIX_HOURS".
	FindingPublishingFrequency model.String
	// S3DataEvents is S3 Protection.
	S3DataEvents model.Bool
	// EKSAuditLogs is EKS Protection (Kubernetes audit log monitoring).
	EKSAuditLogs model.Bool
	// EBSMalwareProtection is Malware Protection for EC2 (scans EBS volumes
	// of instances with findings).
	EBSMalwareProtection model.Bool
	// RDSLoginEvents is RDS Protection.
	RDSLoginEvents model.Bool
	// LambdaNetworkLogs is Lambda Protection.
	LambdaNetworkLogs model.Bool
	// RuntimeMonitoring is Runtime Monitoring (EKS, ECS, EC2).
	RuntimeMonitoring model.Bool
	// EKSRuntimeMonitoring is the older EKS-only Runtime Monitoring.
	EKSRuntimeMonitoring model.Bool
}
