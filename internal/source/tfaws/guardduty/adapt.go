package guardduty

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/guardduty"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// features maps GuardDuty feature names (aws_guardduty_detector_feature's
// name) to the detector setting they govern.
var features = map[string]func(d *guardduty.Detector) *model.Bool{
	"S3_DATA_EVENTS":         func(d *guardduty.Detector) *model.Bool { return &d.S3DataEvents },
	"EKS_AUDIT_LOGS":         func(d *guardduty.Detector) *model.Bool { return &d.EKSAuditLogs },
	"EBS_MALWARE_PROTECTION": func(d *guardduty.Detector) *model.Bool { return &d.EBSMalwareProtection },
	"RDS_LOGIN_EVENTS":       func(d *guardduty.Detector) *model.Bool { return &d.RDSLoginEvents },
	"LAMBDA_NETWORK_LOGS":    func(d *guardduty.Detector) *model.Bool { return &d.LambdaNetworkLogs },
	"RUNTIME_MONITORING":     func(d *guardduty.Detector) *model.Bool { return &d.RuntimeMonitoring },
	"EKS_RUNTIME_MONITORING": func(d *guardduty.Detector) *model.Bool { return &d.EKSRuntimeMonitoring },
}

// Adapt builds the GuardDuty state from evaluated resources.
func Adapt(set *tfres.Set) guardduty.State {
	var st guardduty.State
	comps := set.Attach("aws_guardduty_detector_feature", "detector_id", []string{"aws_guardduty_detector"})
	for _, r := range set.OfType("aws_guardduty_detector") {
		b := r.Body
		d := &guardduty.Detector{
			Resource:                   r.Identity(""),
			Enabled:                    b.Bool("enable", true),
			FindingPublishingFrequency: b.String("finding_publishing_frequency", "SIX_HOURS"),
		}
		// Protection plans nobody set are chosen by GuardDuty at creation;
		// they stay unknown (origin: the detector) unless configured.
		for _, field := range features {
			*field(d) = model.Unresolved[bool](b.Origin)
		}
		adaptDataSources(d, b.Block("datasources"))
		for _, f := range comps.ByTarget[r.Address] {
			applyFeature(d, f, false)
		}
		for _, f := range comps.Unresolved {
			applyFeature(d, f, true)
		}
		st.Detectors = append(st.Detectors, d)
	}
	return st
}

// adaptDataSources reads the deprecated datasources block, which
// aws_guardduty_detector_feature replaces.
func adaptDataSources(d *guardduty.Detector, ds *tfres.Block) {
	if s3 := ds.Block("s3_logs"); s3.Present() {
		d.S3DataEvents = s3.Bool("enable", false)
	}
	if audit := ds.Block("kubernetes").Block("audit_logs"); audit.Present() {
		d.EKSAuditLogs = audit.Bool("enable", false)
	}
	if ebs := ds.Block("malware_protection").Block("scan_ec2_instance_with_findings").Block("ebs_volumes"); ebs.Present() {
		d.EBSMalwareProtection = ebs.Bool("enable", false)
	}
}

// applyFeature sets the setting an aws_guardduty_detector_feature governs. A
// feature that might configure any detector makes its setting unknown; one
// whose name is unknown makes every setting unknown.
func applyFeature(d *guardduty.Detector, f *tfres.Resource, uncertain bool) {
	name := f.Body.String("name", "")
	n, ok := name.Get()
	if !ok {
		for _, field := range features {
			*field(d) = model.Unresolved[bool](f.Body.Origin)
		}
		return
	}
	field, ok := features[n]
	if !ok {
		return
	}
	if uncertain {
		*field(d) = model.Unresolved[bool](f.Body.Origin)
		return
	}
	*field(d) = model.Derive(f.Body.String("status", ""), func(s string) bool { return s == "ENABLED" })
}
