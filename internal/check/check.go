package check

import (
	"sync"
	"time"

	"github.com/vigil-sec/vigil/internal/model/aws"
)

// Check is one built-in rule: metadata plus Evaluate.
type Check struct {
	// ID is stable and never reused, e.g. "AWS-S3-001". It is the SARIF
	// ruleId and the key in suppression comments.
	ID string
	// Slug is a readable alias, e.g. "aws-s3-bucket-public-read".
	Slug        string
	Title       string
	Provider    string // "aws"
	Service     string // "s3"
	Severity    Severity
	Description string
	Rationale   string
	Remediation Remediation
	References  []string
	Compliance  []Control
	// Equivalents are the IDs other scanners use for the same rule, so users
	// can keep their existing suppression comments.
	Equivalents Equivalents
	// Evaluate inspects the model and reports every resource it judged.
	Evaluate func(in *Input, r *Reporter)
}

// Remediation says how to fix a finding.
type Remediation struct {
	Text      string
	Terraform string // a snippet
}

// Control is one compliance control the check supports.
type Control struct {
	Framework string // a Framework* constant
	ID        string // e.g. "2.1.1", "SC-28", "3.5.1"
}

// Compliance frameworks, keyed as users name them on the command line.
const (
	FrameworkCISAWS30  = "cis-aws-3.0"
	FrameworkNIST80053 = "nist-800-53-r5"
	FrameworkPCIDSS40  = "pci-dss-4.0"
	FrameworkSOC2      = "soc2"
	FrameworkHIPAA     = "hipaa"
	FrameworkISO27001  = "iso-27001-2022"
)

// Frameworks lists the known frameworks with their display names.
var Frameworks = []struct{ Key, Name string }{
	{FrameworkCISAWS30, "CIS Amazon Web Services Foundations Benchmark v3.0.0"},
	{FrameworkNIST80053, "NIST SP 800-53 Rev. 5"},
	{FrameworkPCIDSS40, "PCI DSS v4.0"},
	{FrameworkSOC2, "SOC 2 (AICPA Trust Services Criteria 2017)"},
	{FrameworkHIPAA, "HIPAA Security Rule (45 CFR 164)"},
	{FrameworkISO27001, "ISO/IEC 27001:2022 Annex A"},
}

// Equivalents holds other scanners' IDs for the same rule.
type Equivalents struct {
	AVD     []string // Trivy / tfsec AVD IDs, e.g. "AVD-AWS-0086"
	Tfsec   []string // tfsec long IDs, e.g. "aws-s3-block-public-acls"
	Checkov []string // e.g. "CKV_AWS_53"
}

// Input is what checks evaluate: the typed state of every provider scanned.
type Input struct {
	AWS *aws.State
	// Now is when the scan runs, for checks about age (unused roles, old
	// keys); the zero time means time.Now.
	Now time.Time

	memo sync.Map // key → *memoEntry
}

type memoEntry struct {
	once sync.Once
	v    any
}

// Clock returns when the scan runs.
func (in *Input) Clock() time.Time {
	if in.Now.IsZero() {
		return time.Now()
	}
	return in.Now
}

// Memo returns the analysis key names, computing it with build on first use:
// checks that share an expensive analysis of the input (the identity graph,
// say) compute it once per input, even when they run concurrently.
func (in *Input) Memo(key any, build func() any) any {
	e, _ := in.memo.LoadOrStore(key, &memoEntry{})
	m := e.(*memoEntry)
	m.once.Do(func() { m.v = build() })
	return m.v
}

// HasFramework reports whether the check maps to the framework.
func (c *Check) HasFramework(key string) bool {
	for _, ctl := range c.Compliance {
		if ctl.Framework == key {
			return true
		}
	}
	return false
}
