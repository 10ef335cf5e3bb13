package config

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the AWS Config checks.
func Checks() []*check.Check {
	return []*check.Check{
		allSupported,
		globalResources,
		recorderStopped,
		aggregatorRegions,
	}
}

// recorderControls are the mappings shared by the recorder checks: CIS 3.3
// asks for a recorder that records every supported resource type, global ones
// included, and is recording.
var recorderControls = []check.Control{
	{Framework: check.FrameworkCISAWS30, ID: "3.3"},
	{Framework: check.FrameworkNIST80053, ID: "CM-8"},
	{Framework: check.FrameworkNIST80053, ID: "CM-3"},
	{Framework: check.FrameworkPCIDSS40, ID: "10.2.1"},
	{Framework: check.FrameworkSOC2, ID: "CC7.1"},
	{Framework: check.FrameworkHIPAA, ID: "164.312(b)"},
	{Framework: check.FrameworkISO27001, ID: "A.8.9"},
}
